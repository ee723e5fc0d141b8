package cn.spotcheck.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import cn.spotcheck.SecondPlatform;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** Given a datasource URL the platform uses that PostgreSQL server and starts none of its own. */
class ExternalDatabaseTest {

    @TempDir
    Path dataDir;

    @Test
    void aConfiguredServerIsUsedAndNothingIsStarted() throws Exception {
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start();
             ConfigurableApplicationContext app = SecondPlatform.start(dataDir, "externalDbTest",
                     "--spring.datasource.url=" + server.getJdbcUrl("postgres", "postgres"),
                     "--spring.datasource.username=postgres")) {
            assertThat(app.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
            assertThat(dataDir.resolve("postgres")).doesNotExist();
            assertThat(app.getBean(RepositoryService.class).createProcessDefinitionQuery().processDefinitionKey("inspection").count())
                    .isEqualTo(1);
            try (var connection = server.getPostgresDatabase().getConnection();
                 var rs = connection.createStatement().executeQuery("select count(*) from act_re_procdef where key_ = 'inspection'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("the engine's tables are in the configured server").isEqualTo(1);
            }
        }
    }
}
