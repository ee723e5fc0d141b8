package cn.spotcheck.supervision;

import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.system.ApiException;

/** The {@code year} parameter of the statistics: this year when absent, else 2000 to next year, refused otherwise. */
final class Years {

    private Years() {
    }

    static int parse(String year) {
        int current = BureauTime.today().getYear();
        if (year == null || year.isBlank()) {
            return current;
        }
        if (year.strip().matches("\\d{4}")) {
            int y = Integer.parseInt(year.strip());
            if (y >= 2000 && y <= current + 1) {
                return y;
            }
        }
        throw ApiException.badRequest("year", "参数 year 应为 2000 至 " + (current + 1) + " 之间的年份，而不是“" + year + "”");
    }
}
