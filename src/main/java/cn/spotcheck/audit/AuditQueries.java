package cn.spotcheck.audit;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import cn.spotcheck.system.ApiException;

/** A search of the audit log as typed into the page or the API, each field checked and named when wrong. */
final class AuditQueries {

    private AuditQueries() {
    }

    static AuditLog.Query parse(String user, String text, String from, String to, String before) {
        LocalDate fromDay = day("from", "起始日期", from);
        LocalDate toDay = day("to", "截止日期", to);
        if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) {
            throw ApiException.badRequest("to", "截止日期不能早于起始日期");
        }
        Long beforePosition = null;
        if (blank(before) != null) {
            try {
                beforePosition = Long.parseLong(before.strip());
            } catch (NumberFormatException e) {
                beforePosition = -1L;
            }
            if (beforePosition <= 0) {
                throw ApiException.badRequest("before", "翻页位置应为正整数");
            }
        }
        return new AuditLog.Query(limited("user", "用户", user, 64), limited("q", "关键词", text, 100), fromDay, toDay, beforePosition);
    }

    private static LocalDate day(String field, String name, String value) {
        if (blank(value) == null) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(value.strip());
            if (day.getYear() < 2000 || day.getYear() > 2100) {
                throw ApiException.badRequest(field, name + "应在 2000 年至 2100 年之间");
            }
            return day;
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field, name + "应为有效日期，格式 yyyy-MM-dd（如 2027-03-01）");
        }
    }

    private static String limited(String field, String name, String value, int max) {
        String v = blank(value);
        if (v != null && v.length() > max) {
            throw ApiException.badRequest(field, name + "不能超过 " + max + " 个字符");
        }
        return v;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
