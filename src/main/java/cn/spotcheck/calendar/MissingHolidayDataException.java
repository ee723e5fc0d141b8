package cn.spotcheck.calendar;

/**
 * A year whose holiday schedule has not been loaded. Guessing from weekends alone would move legal
 * deadlines, so the calendar refuses instead.
 */
public class MissingHolidayDataException extends RuntimeException {

    private final int year;

    public MissingHolidayDataException(int year) {
        super("缺少 " + year + " 年的节假日安排数据：请管理员按国务院办公厅通知添加 holidays/" + year + ".csv");
        this.year = year;
    }

    public int year() {
        return year;
    }
}
