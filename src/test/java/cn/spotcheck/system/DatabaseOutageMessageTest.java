package cn.spotcheck.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;

/** A pool that cannot open a connection means the database is away; one with none free means the platform is busy. */
class DatabaseOutageMessageTest {

    @Test
    void theUserIsToldWhetherTheDatabaseIsAwayOrThePlatformBusy() {
        var away = new CannotCreateTransactionException("x", new SQLTransientConnectionException("pool - timed out",
                new ConnectException("Connection refused")));
        var busy = new CannotCreateTransactionException("x", new SQLTransientConnectionException("pool - timed out"));
        assertThat(DatabaseOutage.causes(away)).isTrue();
        assertThat(DatabaseOutage.causes(busy)).isTrue();
        assertThat(DatabaseOutage.message(away)).contains("数据库暂时无法连接");
        assertThat(DatabaseOutage.message(busy)).contains("系统繁忙");
        assertThat(DatabaseOutage.causes(new IllegalStateException("no"))).isFalse();
    }
}
