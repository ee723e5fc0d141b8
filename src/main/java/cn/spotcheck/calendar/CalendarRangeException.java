package cn.spotcheck.calendar;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A date outside the years the calendar can reckon with. A bad user request to the engine, so that a form
 * submitted through the engine REST API with such a date is answered 400 with this message rather than 500.
 */
class CalendarRangeException extends BadUserRequestException {

    private final int year;

    public CalendarRangeException(int year) {
        super("日期超出工作日历的范围：" + year + " 年不在 " + StatutoryHolidays.FIRST_YEAR + "–"
                + StatutoryHolidays.LAST_YEAR + " 年之间，请核对日期");
        this.year = year;
    }

    public int year() {
        return year;
    }
}
