package cn.spotcheck.inspection;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.spotcheck.documents.DocumentAudience;

/** The documents about an inspection (通知书, 移交函, 移送书) are for the inspectors drawn for it. */
@Component
class InspectionDocumentAudience implements DocumentAudience {

    private final JdbcTemplate jdbc;

    InspectionDocumentAudience(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean includes(String reference, String userId) {
        Integer n = jdbc.queryForObject("select count(*) from spotcheck.inspection where code = ? and ? = any(inspector_staff_nos)",
                Integer.class, reference, userId);
        return n != null && n > 0;
    }
}
