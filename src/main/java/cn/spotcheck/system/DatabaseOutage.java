package cn.spotcheck.system;

import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * A failure because the database cannot be reached (stopped, restarting, the network between): answered 503 with
 * a Chinese message and a time to retry, not 500. Nothing is half-written by it: every change is one transaction.
 */
@Component
public final class DatabaseOutage {

    public static final String MESSAGE = "数据库暂时无法连接（可能正在维护或重启），本次操作未执行，请稍后重试；已保存的数据不受影响";
    /** The database is there, but every connection is busy for longer than a request waits. */
    public static final String BUSY = "系统繁忙：同时办理的请求过多，本次操作未执行，请稍后重试";
    public static final String RETRY_AFTER_SECONDS = "30";

    private final DataSource dataSource;

    DatabaseOutage(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * A failure the database's absence explains: one of the known signs, or a failure of the database (a connection
     * closed under a rollback says little else) while the database cannot be reached now.
     */
    public boolean explains(Throwable failure) {
        if (causes(failure)) {
            return true;
        }
        boolean fromTheDatabase = false;
        for (Throwable cause = failure; cause != null && !fromTheDatabase; cause = cause.getCause() == cause ? null : cause.getCause()) {
            fromTheDatabase = cause instanceof SQLException || cause instanceof org.springframework.dao.DataAccessException;
        }
        return fromTheDatabase && !reachable();
    }

    private boolean reachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** What to tell the user: the database away, or only too busy to give a connection in time. */
    public static String message(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException timeout) {
                // The pool says why it had no connection: the last attempt to open one failed, or none was free.
                return timeout.getCause() == null ? BUSY : MESSAGE;
            }
        }
        return MESSAGE;
    }

    public static boolean causes(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            // The rollback failed too (the connection was gone): what failed first is the answer.
            if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && causes(rollback.getApplicationException())) {
                return true;
            }
            if (cause instanceof SQLTransientConnectionException || cause instanceof ConnectException
                    || cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException) {
                return true;
            }
            // 08: connection exception; 57P01-57P03: the server is shutting down or starting up.
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }
}
