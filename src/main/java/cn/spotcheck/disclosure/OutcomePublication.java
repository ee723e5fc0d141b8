package cn.spotcheck.disclosure;

import java.sql.Timestamp;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.spotcheck.followup.FollowUpClosed;

/** 查处结果: a closed follow-up's outcome joins its published result on the public site and in the open data. */
@Component
class OutcomePublication {

    private final JdbcTemplate jdbc;

    OutcomePublication(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(FollowUpClosed closed) {
        jdbc.update("insert into spotcheck.public_outcome (inspection_code, outcome, closed_at) values (?, ?, ?) "
                + "on conflict (inspection_code) do nothing", closed.inspectionCode(), closed.outcome(), Timestamp.from(closed.closedAt()));
    }
}
