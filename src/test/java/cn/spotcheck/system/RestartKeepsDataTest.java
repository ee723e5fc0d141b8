package cn.spotcheck.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import cn.spotcheck.SecondPlatform;
import cn.spotcheck.catalog.ItemInput;
import cn.spotcheck.catalog.ItemList;
import cn.spotcheck.plan.AnnualPlans;
import cn.spotcheck.plan.PlanInput;
import cn.spotcheck.plan.TaskInput;

/** The platform stopped and started again on the same data directory finds everything it had. */
class RestartKeepsDataTest {

    @TempDir
    Path dataDir;

    @Test
    void aRestartSeesTheDataFromBefore() {
        long planId;
        String processInstanceId;
        try (ConfigurableApplicationContext first = start()) {
            first.getBean(ItemList.class).create(new ItemInput("R-1", "重启测试事项", "GENERAL", List.of("公路货运"),
                    "测试依据", "运输管理科", List.of("道路货运"), null, true));
            AnnualPlans plans = first.getBean(AnnualPlans.class);
            planId = plans.create(new PlanInput(2027, "运输管理科", "重启测试计划")).id();
            plans.addTask(planId, new TaskInput("重启测试任务", List.of("R-1"), null, new BigDecimal("0.05"), 2,
                    "2027-04-01", "2027-10-31", null, null, null));
            plans.submit(planId);
            processInstanceId = first.getBean(RuntimeService.class).createProcessInstanceQuery()
                    .processInstanceBusinessKey(String.valueOf(planId)).singleResult().getId();
        }
        try (ConfigurableApplicationContext second = start()) {
            assertThat(second.getBean(AnnualPlans.class).get(planId).status()).isEqualTo("IN_REVIEW");
            var instance = second.getBean(RuntimeService.class).createProcessInstanceQuery()
                    .processInstanceBusinessKey(String.valueOf(planId)).singleResult();
            assertThat(instance).isNotNull();
            assertThat(instance.getId()).isEqualTo(processInstanceId);
            // Unchanged diagrams are not deployed again on restart.
            assertThat(second.getBean(RepositoryService.class).createProcessDefinitionQuery()
                    .processDefinitionKey("annual-plan").count()).isEqualTo(1);
        }
    }

    private ConfigurableApplicationContext start() {
        return SecondPlatform.start(dataDir, "restartTest");
    }
}
