package cn.spotcheck.draw;

import java.util.List;


import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.spotcheck.draw.algorithm.Verification;
import cn.spotcheck.system.ApiException;

/** Starting a task's draw, reading the record, verifying it and the chain, replacing an inspector. */
@RestController
@RequestMapping("/api")
class DrawApi {

    static final String DRAWERS = "hasAnyAuthority('legal', 'camunda-admin')";

    private final DrawViews draws;
    private final DrawVerification verification;
    private final InspectorReplacements replacements;
    private final TaskSchedule schedule;

    DrawApi(DrawViews draws, DrawVerification verification, InspectorReplacements replacements,
            TaskSchedule schedule) {
        this.draws = draws;
        this.verification = verification;
        this.replacements = replacements;
        this.schedule = schedule;
    }

    /** Starts the task's process (which draws at once); a task already started answers with its draw. */
    @PostMapping("/tasks/{taskId}/start")
    @PreAuthorize(DRAWERS)
    ResponseEntity<DrawView> start(@PathVariable("taskId") long taskId) {
        schedule.checkStartable(taskId);
        if (schedule.startOnce(taskId)) {
            return ResponseEntity.status(HttpStatus.CREATED).body(draws.ofTask(taskId));
        }
        return ResponseEntity.ok(draws.ofTask(taskId));
    }

    @GetMapping("/tasks/{taskId}/draw")
    DrawView draw(@PathVariable("taskId") long taskId) {
        return readable(draws.ofTask(taskId));
    }

    @GetMapping("/draws/{id}")
    DrawView byId(@PathVariable("id") long id) {
        return readable(draws.byId(id));
    }

    /** See {@link DrawViews#readableByCurrentUser}. */
    private static DrawView readable(DrawView draw) {
        if (!DrawViews.readableByCurrentUser(draw)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "抽取结果尚未确认公布，仅法制审核人员、督查考核组和管理员可以查看", List.of());
        }
        return draw;
    }

    @GetMapping("/draws/{id}/verify")
    Verification verify(@PathVariable("id") long id) {
        return verification.verify(id);
    }

    @GetMapping("/draws/chain/verify")
    Verification verifyChain() {
        return verification.verifyChain();
    }

    record ReplacementRequest(Long targetId, String staffNo, String reason) {
    }

    @PostMapping("/tasks/{taskId}/draw/replacements")
    @PreAuthorize(DRAWERS)
    ResponseEntity<DrawView.ReplacementView> replace(@PathVariable("taskId") long taskId, @RequestBody ReplacementRequest request) {
        if (request.targetId() == null) {
            throw ApiException.badRequest("targetId", "请指定检查对象 targetId");
        }
        if (request.staffNo() == null || request.staffNo().isBlank()) {
            throw ApiException.badRequest("staffNo", "请指定要更换的执法人员工号 staffNo");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(replacements.replace(taskId, request.targetId(), request.staffNo().strip(), request.reason()));
    }
}
