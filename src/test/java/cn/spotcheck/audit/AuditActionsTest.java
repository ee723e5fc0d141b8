package cn.spotcheck.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the log calls a request, and which posted requests only read (Tasklist posts a query for every list). */
class AuditActionsTest {

    @Test
    void changesAreNamedAndPostedQueriesAreNotLogged() {
        assertThat(AuditActions.of("POST", "/engine-rest/deployment/create")).isEqualTo("部署流程");
        assertThat(AuditActions.of("POST", "/camunda/api/engine/engine/default/task/abc/submit-form")).isEqualTo("办理任务");
        assertThat(AuditActions.of("PUT", "/camunda/api/engine/engine/default/task/abc")).isEqualTo("修改任务");
        assertThat(AuditActions.of("POST", "/engine-rest/user/create")).isEqualTo("修改用户或用户组");
        assertThat(AuditActions.of("POST", "/plans/12/submit")).isEqualTo("提交计划审核");
        assertThat(AuditActions.of("POST", "/api/tasks/3/draw/replacements")).isEqualTo("替换执法检查人员");
        assertThat(AuditActions.of("POST", "/somewhere/else")).isEqualTo("其他修改操作");

        assertThat(AuditActions.isQuery("POST", "/camunda/api/engine/engine/default/filter/f1/list")).isTrue();
        assertThat(AuditActions.isQuery("POST", "/engine-rest/task")).isTrue();
        assertThat(AuditActions.isQuery("POST", "/engine-rest/history/task/count")).isTrue();
        assertThat(AuditActions.isQuery("POST", "/camunda/api/cockpit/plugin/base/default/process-instance")).isTrue();
        assertThat(AuditActions.isQuery("POST", "/engine-rest/deployment/create")).isFalse();
        assertThat(AuditActions.isQuery("POST", "/engine-rest/task/abc/complete")).isFalse();
        assertThat(AuditActions.isQuery("POST", "/engine-rest/filter/create")).isFalse();
        assertThat(AuditActions.isQuery("POST", "/engine-rest/process-definition/key/inspection/start")).isFalse();
    }
}
