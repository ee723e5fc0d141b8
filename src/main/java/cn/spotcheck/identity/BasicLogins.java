package cn.spotcheck.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * HTTP Basic for {@code /engine-rest}, checked by the identity service as Camunda does it, but not again on every
 * request while nothing about the account has changed: a caller who sent the same password last time, to an account
 * whose stored password hash and salt are still those it was checked against and which has no failed attempt or lock
 * since, is let in on one plain read of its row. Any change of password (on any node: the row is read each time), any
 * failed attempt and any lock sends the next request through the identity service again. The identity service's check
 * (an engine command in a transaction of its own) was about a twentieth of each engine request's time.
 * <p>
 * Only a keyed digest of the password is kept, under a key made at start and never stored.
 */
class BasicLogins extends HttpBasicAuthenticationProvider {

    /** Enough for every officer of a province; beyond it the memory starts afresh. */
    private static final int MAX_ACCOUNTS = 20_000;

    private final JdbcTemplate jdbc;
    /** One per thread, keyed once: looking the algorithm up for every request cost as much as the digest. */
    private final ThreadLocal<Mac> macs;
    private final Map<String, Checked> checked = new ConcurrentHashMap<>();

    BasicLogins(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        SecretKeySpec key = new SecretKeySpec(secret, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 unavailable", e);
            }
        });
    }

    /** What a successful check saw: the password's keyed digest and the account's stored hash and salt. */
    private record Checked(byte[] digest, String storedHash, String salt) {
    }

    /** The account's row as it stands: its stored hash and salt, and whether a failed attempt or a lock marks it. */
    private record Account(String storedHash, String salt, boolean clean) {
    }

    @Override
    protected boolean isAuthenticated(ProcessEngine engine, String userName, String password) {
        byte[] digest = digest(userName, password);
        Account account = account(userName);
        Checked before = checked.get(userName);
        if (account != null && account.clean() && before != null && MessageDigest.isEqual(before.digest(), digest)
                && Objects.equals(before.storedHash(), account.storedHash()) && Objects.equals(before.salt(), account.salt())) {
            return true;
        }
        boolean passed = super.isAuthenticated(engine, userName, password);
        if (passed && account != null) {
            if (checked.size() >= MAX_ACCOUNTS) {
                checked.clear();
            }
            // Kept with the row read before the check: were the password changed meanwhile, the next read differs.
            checked.put(userName, new Checked(digest, account.storedHash(), account.salt()));
        } else {
            checked.remove(userName);
        }
        return passed;
    }

    private Account account(String userName) {
        List<Account> rows = jdbc.query("select pwd_, salt_, attempts_, lock_exp_time_ from act_id_user where id_ = ?",
                (rs, n) -> {
                    Timestamp lock = rs.getTimestamp("lock_exp_time_");
                    return new Account(rs.getString("pwd_"), rs.getString("salt_"), rs.getInt("attempts_") == 0 && lock == null);
                }, userName);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private byte[] digest(String userName, String password) {
        Mac mac = macs.get();
        mac.update(userName.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
    }
}
