package cn.spotcheck.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.TimeZone;

import javax.sql.DataSource;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.spotcheck.SpotCheckIntegrationTest;

@SpotCheckIntegrationTest
class PlatformStartsTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    TestRestTemplate http;

    @Test
    void runsOnARealPostgresqlWithBothSchemas() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
            assertThat(connection.getMetaData().getDatabaseMajorVersion()).isEqualTo(17);
        }
        assertThat(jdbc.queryForObject("select count(*) from spotcheck.flyway_schema_history where success", Integer.class))
                .isPositive();
        assertThat(jdbc.queryForObject("select count(*) from public.act_re_procdef where key_ = 'inspection'", Integer.class))
                .isPositive();
        assertThat(jdbc.queryForObject("show timezone", String.class)).isEqualTo("Asia/Shanghai");
        assertThat(jdbc.queryForList("select indexdef from pg_indexes where tablename = 'act_ru_authorization'", String.class))
                .as("Tasklist's queries find a user's authorizations by index").anyMatch(d -> d.endsWith("(user_id_)"));
    }

    @Test
    void healthIsUpWithoutLoggingIn() {
        var health = http.getForEntity("/actuator/health", String.class);
        assertThat(health.getStatusCode().value()).isEqualTo(200);
        assertThat(health.getBody()).contains("\"status\":\"UP\"");
    }

    @Test
    void keepsBeijingTimeWhateverTheHostSays() {
        // Surefire starts this JVM with -Duser.timezone=UTC.
        assertThat(TimeZone.getDefault().getID()).isEqualTo("Asia/Shanghai");
    }

    @Test
    void inspectionDiagramIsDeployedWithItsForms() {
        var definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey("inspection")
                .latestVersion().singleResult();
        assertThat(definition.getName()).isEqualTo("检查");
        assertThat(definition.getHistoryTimeToLive()).isPositive();
        assertThat(repositoryService.getDeploymentResourceNames(definition.getDeploymentId()))
                .contains("processes/inspection.bpmn", "forms/on-site-inspection.form", "forms/result-entry.form",
                        "forms/publish-result.form", "forms/supervise-overdue-publication.form");
    }
}
