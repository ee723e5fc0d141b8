/**
 * Chinese working days: the State Council's holiday schedules with their 调休 make-up days, the bureau's
 * time zone and "today", and the {@code workingDays} bean the BPMN deadlines are written with.
 */
@org.springframework.modulith.ApplicationModule(displayName = "工作日历")
package cn.spotcheck.calendar;
