package cn.spotcheck.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import cn.spotcheck.SecondPlatform;

/** The platform stopped and started again on the same data directory finds everything it had. */
class RestartKeepsDataTest {

    @TempDir
    Path dataDir;

    @Test
    void aRestartSeesTheDataFromBefore() {
        String processInstanceId;
        try (ConfigurableApplicationContext first = start()) {
            processInstanceId = first.getBean(RuntimeService.class)
                    .startProcessInstanceByKey("inspection", "RESTART-1", Map.of("taskId", 990001L, "targetId", 1L, "itemCodes", List.of("JT-HY-01"), "inspectorUserIds", List.of("zf001", "zf002")))
                    .getId();
        }
        try (ConfigurableApplicationContext second = start()) {
            var instance = second.getBean(RuntimeService.class).createProcessInstanceQuery()
                    .processInstanceBusinessKey("RESTART-1").singleResult();
            assertThat(instance).isNotNull();
            assertThat(instance.getId()).isEqualTo(processInstanceId);
            // Unchanged diagrams are not deployed again on restart.
            assertThat(second.getBean(RepositoryService.class).createProcessDefinitionQuery()
                    .processDefinitionKey("inspection").count()).isEqualTo(1);
        }
    }

    private ConfigurableApplicationContext start() {
        return SecondPlatform.start(dataDir, "restartTest");
    }
}
