package cn.spotcheck.draw;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import cn.spotcheck.draw.algorithm.Verification;
import cn.spotcheck.system.ApiException;

/** The draws the public may read: confirmed ones only, each verifiable by anyone. */
@Service
public class PublishedDraws {

    /** {@code taskName}: the task's name, or for a joint group's draw every covered task's name joined by 、. */
    public record Summary(long id, long taskId, String taskName, int candidates, int drawn, Instant publishedAt, String digest) {
    }

    private final JdbcTemplate jdbc;
    private final TaskDraws draws;

    PublishedDraws(JdbcTemplate jdbc, TaskDraws draws) {
        this.jdbc = jdbc;
        this.draws = draws;
    }

    public List<Summary> recent(int limit) {
        return jdbc.query("""
                select r.id, r.task_id,
                       coalesce((select string_agg(t.name, '、' order by t.id) from spotcheck.draw_task dt
                                 join spotcheck.spot_check_task t on t.id = dt.task_id where dt.draw_id = r.id), ''),
                       r.candidate_count,
                       (select count(*) from spotcheck.draw_assignment a where a.draw_id = r.id), r.published_at, r.digest
                from spotcheck.draw_record r
                where r.published_at is not null order by r.published_at desc limit ?""",
                (rs, i) -> new Summary(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                        rs.getTimestamp(6).toInstant(), rs.getString(7)), limit);
    }

    public DrawView published(long drawId) {
        DrawView view = draws.viewById(drawId);
        if (view.publishedAt() == null) {
            throw ApiException.notFound("抽取结果 " + drawId + " 尚未公布");
        }
        return view;
    }

    public Verification verify(long drawId) {
        published(drawId);
        return draws.verify(drawId);
    }
}
