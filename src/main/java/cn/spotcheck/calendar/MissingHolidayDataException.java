package cn.spotcheck.calendar;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A year whose holiday schedule has not been loaded. Guessing from weekends alone would move legal
 * deadlines, so the calendar refuses instead. A bad user request to the engine, so that a form submitted through
 * the engine REST API is answered 400 with this message rather than 500.
 */
public class MissingHolidayDataException extends BadUserRequestException {

    private final int year;

    public MissingHolidayDataException(int year) {
        super("缺少 " + year + " 年的节假日安排数据：请管理员按国务院办公厅通知添加 holidays/" + year + ".csv");
        this.year = year;
    }

    public int year() {
        return year;
    }
}
