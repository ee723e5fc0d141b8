package cn.spotcheck.followup;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.spotcheck.inspection.LedgerColumn;

/** 后续处置 in the 任务台账: what follows each finding and whether it is closed. */
@Component
class FollowUpColumn implements LedgerColumn {

    private final JdbcTemplate jdbc;

    FollowUpColumn(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String title() {
        return "后续处置";
    }

    @Override
    public Map<String, String> values(Collection<String> inspectionCodes) {
        Map<String, String> values = new HashMap<>();
        jdbc.query("select inspection_code, kind, status from spotcheck.follow_up where inspection_code = any(?)",
                rs -> {
                    values.put(rs.getString(1), FollowUpKind.of(rs.getString(2)).displayName()
                            + ("CLOSED".equals(rs.getString(3)) ? "（已办结）" : "（办理中）"));
                }, (Object) inspectionCodes.toArray(String[]::new));
        return values;
    }
}
