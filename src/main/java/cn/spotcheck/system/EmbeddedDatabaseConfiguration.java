package cn.spotcheck.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * With no {@code spring.datasource.url} the platform brings its own PostgreSQL, whose data directory survives
 * restarts under {@code spotcheck.data-dir}. With a URL set, none of this runs and Spring Boot's own
 * DataSource connects to that server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${spotcheck.data-dir}") Path dataDir,
                                      @Value("${spotcheck.embedded-db.port:0}") int port,
                                      @Value("${spotcheck.embedded-db.durable:true}") boolean durable,
                                      @Value("${spotcheck.embedded-db.shared-buffers:512MB}") String sharedBuffers,
                                      @Value("${spotcheck.embedded-db.statement-statistics:false}") boolean statementStatistics) throws IOException {
        Path pgData = dataDir.toAbsolutePath().normalize().resolve("postgres");
        Files.createDirectories(pgData);
        stopOrphanedServer(pgData);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                // Spring closes it after the engine has finished its last writes; a JVM hook of its own
                // would pull the database away from under the engine during shutdown.
                .setRegisterShutdownHook(false)
                .setServerConfig("timezone", "Asia/Shanghai")
                .setServerConfig("max_connections", "100")
                // The library starts PostgreSQL as for throwaway test databases (fsync off, commits not waited
                // for); the bureau's records must survive a power cut, so this turns both back on.
                .setServerConfig("fsync", durable ? "on" : "off")
                .setServerConfig("synchronous_commit", durable ? "on" : "off")
                // A million targets' pages stay in PostgreSQL's own cache: counting a broad name search reads them all.
                .setServerConfig("shared_buffers", sharedBuffers)
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("lc-collate", "C")
                // Character classes must know Chinese, or pg_trgm finds no trigrams in a Chinese name.
                .setLocaleConfig("lc-ctype", "C.UTF-8");
        if (statementStatistics) {
            // What each statement cost, summed (pg_stat_statements): for finding where the database's time goes.
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
        }
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("内置 PostgreSQL 已启动：端口 {}，数据目录 {}", postgres.getPort(), pgData);
        return postgres;
    }

    /**
     * A platform killed with -9 leaves its PostgreSQL running and holding the data directory; stop that server
     * so the restart can take over the same data.
     */
    private static void stopOrphanedServer(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        if (!firstLine.matches("\\d+")) {
            return;
        }
        ProcessHandle.of(Long.parseLong(firstLine))
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
                .ifPresent(orphan -> {
                    log.warn("发现上次未正常关闭的内置 PostgreSQL（进程 {}），正在停止", orphan.pid());
                    orphan.destroy();
                    orphan.onExit().orTimeout(60, TimeUnit.SECONDS).join();
                });
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres, @Value("${spotcheck.embedded-db.pool-size:20}") int poolSize,
                          @Value("${spring.datasource.hikari.connection-timeout:5000}") long connectionTimeout) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("spotcheck-embedded");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.setConnectionTimeout(connectionTimeout);
        return new HikariDataSource(config);
    }
}
