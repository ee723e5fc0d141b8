package cn.spotcheck.draw;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import cn.spotcheck.plan.AnnualPlans;
import cn.spotcheck.system.ApiException;

/** The draws the public may read: confirmed ones only, each verifiable by anyone. */
@Service
public class PublishedDraws {

    /** {@code taskName}: the task's name, or for a joint group's draw every covered task's name joined by 、. */
    public record Summary(long id, long taskId, String taskName, int candidates, int drawn, Instant publishedAt, String digest) {
    }

    private final JdbcTemplate jdbc;
    private final DrawViews draws;
    private final DrawVerification verification;
    private final DrawStore store;
    private final AnnualPlans plans;

    PublishedDraws(JdbcTemplate jdbc, DrawViews draws, DrawVerification verification, DrawStore store, AnnualPlans plans) {
        this.jdbc = jdbc;
        this.draws = draws;
        this.verification = verification;
        this.store = store;
        this.plans = plans;
    }

    public List<Summary> recent(int limit) {
        return jdbc.query("""
                select r.id, r.task_id, r.candidate_count,
                       (select count(*) from spotcheck.draw_assignment a where a.draw_id = r.id), r.published_at, r.digest
                from spotcheck.draw_record r
                where r.published_at is not null order by r.published_at desc limit ?""",
                (rs, i) -> new Summary(rs.getLong(1), rs.getLong(2), taskNames(rs.getLong(1)), rs.getInt(3), rs.getInt(4),
                        rs.getTimestamp(5).toInstant(), rs.getString(6)), limit);
    }

    private String taskNames(long drawId) {
        return String.join("、", store.coveredTasks(drawId).stream().map(id -> plans.task(id).name()).toList());
    }

    public DrawView published(long drawId) {
        DrawView view = draws.byId(drawId);
        if (view.publishedAt() == null) {
            throw ApiException.notFound("抽取结果 " + drawId + " 尚未公布");
        }
        return view;
    }

    /** Today's verification of a published draw; a visitor cannot make the server recompute it at will. */
    public DrawVerification.Checked verify(long drawId) {
        published(drawId);
        return verification.verifyRecent(drawId, false);
    }
}
