package cn.spotcheck.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.spotcheck.Fixtures;
import cn.spotcheck.SpotCheckIntegrationTest;
import cn.spotcheck.draw.algorithm.CandidateList;
import cn.spotcheck.draw.algorithm.DrawAlgorithm;
import cn.spotcheck.draw.algorithm.TargetDraw;
import cn.spotcheck.draw.algorithm.TargetDrawRequest;
import cn.spotcheck.draw.algorithm.TargetDrawResult;

/** A published plan's task drawn through the API and the engine, then verified, confirmed and fanned out. */
@SpotCheckIntegrationTest
class TaskDrawTest {

    @Autowired
    DrawVerification verification;
    @Autowired
    TestRestTemplate http;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TargetDraws targetDraws;
    @Autowired
    InspectorDraws inspectorDraws;
    @Autowired
    DrawStore drawStore;
    @Autowired
    ObjectMapper json;

    private TestRestTemplate fagui() {
        return http.withBasicAuth("fagui", "demo");
    }

    long publishedTask(String itemCode, List<String> categories, double ratio) {
        return Fixtures.publishedTask(http, taskService, itemCode, categories, ratio);
    }

    @Test
    void aTaskIsDrawnOnceVerifiablyConfirmedAndFannedOut() {
        long taskId = publishedTask("JT-JP-01", List.of("驾驶员培训"), 0.05);

        ResponseEntity<JsonNode> started = fagui().postForEntity("/api/tasks/" + taskId + "/start", null, JsonNode.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode draw = fagui().getForObject("/api/tasks/" + taskId + "/draw", JsonNode.class);
        assertThat(draw.get("seed").asText()).hasSize(64);
        assertThat(draw.get("algorithm").asText()).isEqualTo("SHA256-TICKET-STREAM");
        assertThat(draw.get("candidateDigest").asText()).hasSize(64);
        assertThat(draw.get("digest").asText()).hasSize(64);
        assertThat(draw.get("previousDigest").asText()).hasSize(64);
        int candidates = draw.get("candidateCount").asInt();
        assertThat(candidates).isPositive();
        JsonNode targets = draw.get("targets");
        assertThat(targets.size()).isPositive();
        int expected = 0;
        for (JsonNode s : draw.get("strata")) {
            int c = s.get("candidates").asInt();
            expected += (int) Math.ceil(c * s.get("ratio").asDouble() - 1e-9);
            assertThat(s.get("drawn").asInt()).isEqualTo((int) Math.ceil(c * s.get("ratio").asDouble() - 1e-9));
        }
        assertThat(targets.size()).isEqualTo(expected);
        for (JsonNode t : targets) {
            assertThat(t.get("uscc").asText()).isNotBlank();
            Set<String> team = new HashSet<>();
            t.get("inspectorStaffNos").forEach(n -> team.add(n.asText()));
            assertThat(team).hasSize(2);
        }

        JsonNode again = fagui().postForEntity("/api/tasks/" + taskId + "/start", null, JsonNode.class).getBody();
        assertThat(again.get("id").asLong()).as("drawn once").isEqualTo(draw.get("id").asLong());
        assertThat(again.get("seed").asText()).isEqualTo(draw.get("seed").asText());

        JsonNode verified = fagui().getForObject("/api/draws/" + draw.get("id").asLong() + "/verify", JsonNode.class);
        assertThat(verified.get("valid").asBoolean()).as(verified.toString()).isTrue();

        Task confirm = taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(taskId)).taskDefinitionKey("confirmDraw")
                .taskCandidateGroup("legal").singleResult();
        ResponseEntity<String> completed = fagui().postForEntity("/engine-rest/task/" + confirm.getId() + "/complete",
                Map.of("variables", Map.of("approved", Map.of("value", true))), String.class);
        assertThat(completed.getStatusCode().value()).as(completed.getBody()).isEqualTo(204);
        JsonNode published = fagui().getForObject("/api/tasks/" + taskId + "/draw", JsonNode.class);
        assertThat(published.get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(published.get("confirmedBy").asText()).isEqualTo("fagui");

        runDispatchJobs(taskId);
        JsonNode inspections = fagui().getForObject("/api/inspections?taskId=" + taskId, JsonNode.class);
        assertThat(inspections.size()).isEqualTo(targets.size());
        JsonNode first = inspections.get(0);
        assertThat(first.get("status").asText()).isEqualTo("OPEN");
        String inspector = first.get("inspectorStaffNos").get(0).asText();
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(first.get("code").asText())
                .taskDefinitionKey("onSiteInspection").taskCandidateUser(inspector).count()).isEqualTo(1);
        assertThat(fagui().getForObject("/api/inspections/" + first.get("code").asText(), JsonNode.class).get("targetId").asLong())
                .isEqualTo(first.get("targetId").asLong());
        runDispatchJobs(taskId);
        assertThat(fagui().getForObject("/api/inspections?taskId=" + taskId, JsonNode.class).size())
                .as("dispatching again creates nothing twice").isEqualTo(targets.size());
    }

    @Test
    void replacingAnInspectorRedrawsOneSlotAndKeepsTheRecordVerifiable() {
        long taskId = publishedTask("JT-WX-02", List.of("机动车维修"), 0.03);
        fagui().postForEntity("/api/tasks/" + taskId + "/start", null, JsonNode.class);
        JsonNode draw = fagui().getForObject("/api/tasks/" + taskId + "/draw", JsonNode.class);
        long drawId = draw.get("id").asLong();
        DrawVerification.Checked first = verification.verifyRecent(drawId, false);
        assertThat(verification.verifyRecent(drawId, false).at()).as("the day's verification is kept, not recomputed").isEqualTo(first.at());
        JsonNode target = draw.get("targets").get(0);
        String leaving = target.get("inspectorStaffNos").get(0).asText();
        String staying = target.get("inspectorStaffNos").get(1).asText();

        ResponseEntity<JsonNode> replaced = fagui().postForEntity("/api/tasks/" + taskId + "/draw/replacements",
                Map.of("targetId", target.get("targetId").asLong(), "staffNo", leaving, "reason", "病假离岗"), JsonNode.class);
        assertThat(replaced.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(replaced.getBody().get("replacedStaffNo").asText()).isEqualTo(leaving);
        assertThat(replaced.getBody().get("requestedBy").asText()).isEqualTo("fagui");

        JsonNode after = fagui().getForObject("/api/tasks/" + taskId + "/draw", JsonNode.class);
        JsonNode sameTarget = after.get("targets").get(0);
        assertThat(sameTarget.get("inspectorStaffNos")).extracting(JsonNode::asText)
                .contains(staying, replaced.getBody().get("newStaffNo").asText()).doesNotContain(leaving);
        for (int i = 1; i < draw.get("targets").size(); i++) {
            assertThat(after.get("targets").get(i)).as("other slots unchanged").isEqualTo(draw.get("targets").get(i));
        }
        assertThat(after.get("replacements")).hasSize(1);
        DrawVerification.Checked afterReplacement = verification.verifyRecent(drawId, false);
        assertThat(afterReplacement.at()).as("a replacement moves the record: checked again").isAfter(first.at());
        assertThat(afterReplacement.verification().valid()).isTrue();
        assertThat(verification.verifyRecent(drawId, true).at()).as("立即重新复核").isAfter(afterReplacement.at());
        assertThat(fagui().getForObject("/api/draws/" + drawId + "/verify", JsonNode.class).get("valid").asBoolean()).isTrue();
        assertThat(fagui().getForObject("/api/draws/chain/verify", JsonNode.class).get("valid").asBoolean()).isTrue();
    }

    @Test
    void editingAReplacementRowIsReportedByTheChainCheckAtItsPosition() {
        long taskId = publishedTask("JT-WX-02", List.of("机动车维修"), 0.03);
        fagui().postForEntity("/api/tasks/" + taskId + "/start", null, JsonNode.class);
        JsonNode target = fagui().getForObject("/api/tasks/" + taskId + "/draw", JsonNode.class).get("targets").get(0);
        JsonNode replaced = fagui().postForEntity("/api/tasks/" + taskId + "/draw/replacements",
                Map.of("targetId", target.get("targetId").asLong(), "staffNo", target.get("inspectorStaffNos").get(0).asText(),
                        "reason", "执法人员请假"), JsonNode.class).getBody();
        String digest = replaced.get("digest").asText();
        long position = jdbc.queryForObject("select chain_position from spotcheck.draw_replacement where digest = ?", Long.class, digest);
        assertThat(fagui().getForObject("/api/draws/chain/verify", JsonNode.class).get("valid").asBoolean()).isTrue();
        try {
            // Only the reason changes: the assignment and every stored digest stay as they were.
            jdbc.update("update spotcheck.draw_replacement set reason = '执法人员出差' where digest = ?", digest);
            JsonNode verdict = fagui().getForObject("/api/draws/chain/verify", JsonNode.class);
            assertThat(verdict.get("valid").asBoolean()).isFalse();
            assertThat(verdict.get("problems").toString()).contains("链位置 " + position + "（").contains("摘要与其内容不符");
        } finally {
            jdbc.update("update spotcheck.draw_replacement set reason = '执法人员请假' where digest = ?", digest);
        }
        assertThat(fagui().getForObject("/api/draws/chain/verify", JsonNode.class).get("valid").asBoolean()).isTrue();
    }

    @Test
    void alteringARecordedDrawIsDetected() {
        long taskId = publishedTask("JT-GJ-01", List.of("公交"), 0.2);
        fagui().postForEntity("/api/tasks/" + taskId + "/start", null, JsonNode.class);
        long drawId = fagui().getForObject("/api/tasks/" + taskId + "/draw", JsonNode.class).get("id").asLong();
        Long[] original = (Long[]) jdbc.queryForObject("select inspector_ids from spotcheck.draw_assignment where draw_id = ? and position = 1",
                (rs, i) -> rs.getArray(1).getArray(), drawId);
        try {
            jdbc.update("update spotcheck.draw_assignment set inspector_ids = array[?, ?]::bigint[] where draw_id = ? and position = 1",
                    original[1], original[0] + 100000, drawId);
            JsonNode verdict = fagui().getForObject("/api/draws/" + drawId + "/verify", JsonNode.class);
            assertThat(verdict.get("valid").asBoolean()).isFalse();
            assertThat(verdict.get("problems").toString()).isNotEmpty();
            assertThat(fagui().getForObject("/api/draws/chain/verify", JsonNode.class).get("valid").asBoolean()).isFalse();
        } finally {
            jdbc.update(con -> {
                var ps = con.prepareStatement("update spotcheck.draw_assignment set inspector_ids = ? where draw_id = ? and position = 1");
                ps.setArray(1, con.createArrayOf("bigint", original));
                ps.setLong(2, drawId);
                return ps;
            });
        }
        assertThat(fagui().getForObject("/api/draws/" + drawId + "/verify", JsonNode.class).get("valid").asBoolean()).isTrue();
    }

    /** The database keeps each assignment with its record: none without one, and no record deleted from under them. */
    @Test
    void anAssignmentCannotLoseItsDrawRecord() {
        long taskId = publishedTask("JT-GJ-01", List.of("公交"), 0.2);
        fagui().postForEntity("/api/tasks/" + taskId + "/start", null, JsonNode.class);
        long drawId = fagui().getForObject("/api/tasks/" + taskId + "/draw", JsonNode.class).get("id").asLong();
        int assignments = jdbc.queryForObject("select count(*) from spotcheck.draw_assignment where draw_id = ?", Integer.class, drawId);

        assertThatThrownBy(() -> jdbc.update("insert into spotcheck.draw_assignment (draw_id, position, target_id, inspector_ids) "
                + "values (?, 1, 1, array[1]::bigint[])", drawId + 1_000_000)).hasMessageContaining("抽取记录不存在");
        assertThatThrownBy(() -> jdbc.update("update spotcheck.draw_assignment set draw_id = ? where draw_id = ? and position = 1",
                drawId + 1_000_000, drawId)).hasMessageContaining("抽取记录不存在");
        assertThatThrownBy(() -> jdbc.update("delete from spotcheck.draw_record where id = ?", drawId)).hasMessageContaining("不能删除");
        assertThat(jdbc.queryForObject("select count(*) from spotcheck.draw_assignment where draw_id = ?", Integer.class, drawId)).isEqualTo(assignments);
        assertThat(fagui().getForObject("/api/draws/" + drawId + "/verify", JsonNode.class).get("valid").asBoolean()).isTrue();
    }

    /**
     * A record made before version 2 (keyed sort, its candidates kept as gzipped text lines) is still re-checked with
     * the algorithm it names, sealed and chained as it was, and a change to its kept candidates is still found.
     */
    @Test
    void aVersion1RecordStillVerifiesAndItsCandidatesStillGuardIt() throws Exception {
        long taskId = publishedTask("JT-CZ-01", List.of("出租"), 0.2);
        long drawId = targetDraws.draw(taskId);
        var record = drawStore.requireById(drawId);
        CandidateList candidates = drawStore.candidates(drawId);
        TargetDrawResult v1 = TargetDraw.draw(new TargetDrawRequest(record.seed(), candidates, drawStore.ratios(drawId)),
                DrawAlgorithm.KEYED_SORT);
        StringBuilder lines = new StringBuilder();
        candidates.toList().forEach(c -> lines.append(c.id()).append('|').append(c.stratum()).append('|').append(c.weight()).append('\n'));
        jdbc.update("update spotcheck.draw_record set algorithm = ?, algorithm_version = 1, candidates = ?, candidate_digest = ?, "
                        + "strata = ?::jsonb where id = ?", "SHA256-KEYED-SORT", DrawInputsCodec.gzip(lines.toString()),
                v1.candidateDigest(), json.writeValueAsString(v1.strata()), drawId);
        inspectorDraws.draw(taskId);

        JsonNode draw = fagui().getForObject("/api/draws/" + drawId, JsonNode.class);
        assertThat(draw.get("algorithm").asText()).isEqualTo("SHA256-KEYED-SORT");
        assertThat(verification.verify(drawId).problems()).isEmpty();
        assertThat(fagui().getForObject("/api/draws/chain/verify", JsonNode.class).get("valid").asBoolean()).isTrue();

        byte[] kept = jdbc.queryForObject("select candidates from spotcheck.draw_record where id = ?", byte[].class, drawId);
        String lighter = lines.toString().replaceFirst("\\|2\n", "|1\n");
        try {
            jdbc.update("update spotcheck.draw_record set candidates = ? where id = ?", DrawInputsCodec.gzip(lighter), drawId);
            assertThat(verification.verify(drawId).problems()).anyMatch(p -> p.startsWith("候选名单摘要不一致"));
        } finally {
            jdbc.update("update spotcheck.draw_record set candidates = ? where id = ?", kept, drawId);
        }
        assertThat(verification.verify(drawId).valid()).isTrue();
    }

    @Test
    void aDrawThatCannotBeStaffedFailsNamingWhatIsMissingAndRecordsNothing() {
        fagui().postForEntity("/api/items", Map.of("code", "T-AIR-1", "name", "无人具备专业的测试事项", "type", "GENERAL",
                "categories", List.of("公交"), "legalBasis", "测试依据", "department", "运输管理科", "expertise", List.of("航空安全")), JsonNode.class);
        long taskId = publishedTask("T-AIR-1", List.of("公交"), 0.1);
        ResponseEntity<JsonNode> refused = fagui().postForEntity("/api/tasks/" + taskId + "/start", null, JsonNode.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().get("message").asText()).contains("航空安全");
        assertThat(fagui().getForEntity("/api/tasks/" + taskId + "/draw", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aTaskOfAnUnpublishedPlanCannotStart() {
        long planId = fagui().postForEntity("/api/plans", Map.of("year", 2027, "department", "运输管理科", "title", "未发布计划"),
                JsonNode.class).getBody().get("id").asLong();
        Map<String, Object> task = Map.of("name", "x", "itemCodes", List.of("JT-HY-01"), "targetFilter", Map.of(),
                "ratio", 0.05, "inspectorsPerTarget", 2, "start", "2027-04-01", "end", "2027-10-31");
        long taskId = fagui().postForEntity("/api/plans/" + planId + "/tasks", task, JsonNode.class).getBody().get("id").asLong();
        ResponseEntity<JsonNode> refused = fagui().postForEntity("/api/tasks/" + taskId + "/start", null, JsonNode.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().get("message").asText()).contains("尚未发布");
    }

    private void runDispatchJobs(long taskId) {
        Fixtures.runAsyncJobs(managementService, Fixtures.taskProcess(runtimeService, taskId));
    }
}
