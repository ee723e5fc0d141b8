package cn.spotcheck.calendar;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

import cn.spotcheck.system.ApiException;

/**
 * Keeps the platform honest about years without a State Council notice: says which years are provisional and warns
 * from 1 November of the year before, gives the administrators a Tasklist task ({@code holiday-schedule.bpmn}) for
 * each such year, and when the notice is loaded (uploaded, or dropped in the holidays directory before a restart)
 * recomputes the provisional deadlines and closes that task.
 */
@Service("holidaySchedules")
public class HolidaySchedules {

    static final String PROCESS = "holiday-schedule";
    static final String LOADED_MESSAGE = "holidayScheduleLoaded";
    static final String YEAR_VARIABLE = "scheduleYear";

    private static final Logger log = LoggerFactory.getLogger(HolidaySchedules.class);

    private final WorkingDays workingDays;
    private final ProvisionalDeadlines deadlines;
    private final RuntimeService runtimeService;
    private final boolean checkAtStart;

    HolidaySchedules(WorkingDays workingDays, ProvisionalDeadlines deadlines, RuntimeService runtimeService,
                     @Value("${spotcheck.calendar.check-at-start:true}") boolean checkAtStart) {
        this.workingDays = workingDays;
        this.deadlines = deadlines;
        this.runtimeService = runtimeService;
        this.checkAtStart = checkAtStart;
    }

    /** The years whose notice staff must have by now: this one, and from 1 November the next. */
    List<Integer> yearsDue(LocalDate today) {
        return today.getMonth().compareTo(Month.NOVEMBER) >= 0
                ? List.of(today.getYear(), today.getYear() + 1) : List.of(today.getYear());
    }

    /** What the supervision group and the administrators are told while a year due is provisional. */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        for (int year : yearsDue(BureauTime.today())) {
            if (workingDays.isProvisional(year)) {
                warnings.add(year + " 年节假日安排尚未导入，期限按法定节假日暂定计算");
            }
        }
        return warnings;
    }

    /** Every year due without its notice has an open task for the administrators; called each morning. */
    public void watch() {
        for (int year : yearsDue(BureauTime.today())) {
            if (workingDays.isProvisional(year) && !hasOpenTask(year)) {
                runtimeService.startProcessInstanceByKey(PROCESS, String.valueOf(year), Map.of(YEAR_VARIABLE, year));
                log.warn("{} 年节假日安排尚未导入：已为管理员生成待办，期限暂按法定节假日计算", year);
            }
        }
    }

    /** Refuses to close the administrators' task while the year is still provisional. */
    public void requireOfficial(Object year) {
        int y = Integer.parseInt(String.valueOf(year));
        if (workingDays.isProvisional(y)) {
            throw new BadUserRequestException("尚未导入 " + y + " 年节假日安排：请先在“节假日安排”页面（/calendar/holidays）上传该年的通知");
        }
    }

    /** Loads {@code year}'s notice, recomputes what was provisional, and closes the administrators' task. */
    public List<DeadlineMoved> load(int year, byte[] content) {
        try {
            workingDays.install(year, content);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("file", year + " 年节假日安排未导入：" + e.getMessage());
        }
        log.info("{} 年节假日安排已导入", year);
        return afterLoaded(year);
    }

    /**
     * A notice dropped in the holidays directory is read at start: the years that had a task open and are now
     * official get their deadlines recomputed here. Then the morning's check, so that a platform started after
     * 1 November (or in a year without its notice) asks for the file at once.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Order(15)
    void onReady() {
        if (checkAtStart) {
            atStart();
        }
    }

    void atStart() {
        for (ProcessInstance open : runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS).active().list()) {
            int year = Integer.parseInt(open.getBusinessKey());
            if (!workingDays.isProvisional(year)) {
                afterLoaded(year);
            }
        }
        watch();
    }

    private List<DeadlineMoved> afterLoaded(int year) {
        List<DeadlineMoved> moved = deadlines.recalculate(year);
        runtimeService.createMessageCorrelation(LOADED_MESSAGE).processInstanceBusinessKey(String.valueOf(year))
                .correlateAllWithResult();
        return moved;
    }

    private boolean hasOpenTask(int year) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS)
                .processInstanceBusinessKey(String.valueOf(year)).active().count() > 0;
    }
}
