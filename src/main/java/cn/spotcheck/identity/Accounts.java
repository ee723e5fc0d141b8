package cn.spotcheck.identity;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which people have a login. An inspector is linked to the user account with his staff number; one without an
 * account could be drawn but never work his task in Tasklist, so the directory asks here.
 */
@Component
public class Accounts {

    private final JdbcTemplate jdbc;

    Accounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Those of {@code userIds} that have an account. Read from the engine's user table in one query: the engine's
     * user query loads whole users in batches, and a draw asks this of thousands of inspectors at once.
     */
    public Set<String> existing(Collection<String> userIds) {
        String[] ids = userIds.stream().filter(id -> id != null && !id.isBlank()).distinct().toArray(String[]::new);
        return new HashSet<>(jdbc.queryForList("select id_ from act_id_user where id_ = any(?)", String.class, (Object) ids));
    }

    public boolean exists(String userId) {
        return userId != null && existing(List.of(userId)).contains(userId);
    }
}
