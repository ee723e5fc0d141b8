/**
 * The demo profile's year in progress: a published plan, a drawn task, inspections waiting in inspectors'
 * Tasklists, a result past its publication deadline and a handover awaiting acknowledgement. Depends on every
 * capability; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "演示数据")
package cn.spotcheck.demo;
