package cn.spotcheck.draw;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.catalog.InspectorDirectory;
import cn.spotcheck.catalog.InspectorView;
import cn.spotcheck.draw.algorithm.DrawImpossibleException;
import cn.spotcheck.draw.algorithm.InspectorAssignment;
import cn.spotcheck.draw.algorithm.InspectorDrawRequest;
import cn.spotcheck.draw.algorithm.InspectorReplacement;
import cn.spotcheck.draw.algorithm.InvalidDrawInputException;
import cn.spotcheck.draw.algorithm.ReplacementOutcome;
import cn.spotcheck.identity.CurrentUser;
import cn.spotcheck.inspection.InspectionProcess;
import cn.spotcheck.system.ApiException;

/**
 * 更换执法人员 (leave, a newly declared conflict): only the one slot is redrawn, by the draw's own rules; the old
 * assignment stays in the record, and the replacement is chained like a draw.
 */
@Service
class InspectorReplacements {

    private final DrawStore store;
    private final ReplacementStore replacements;
    private final InspectorDrawInputs inputs;
    private final InspectorDirectory inspectors;
    private final DrawViews views;
    private final InspectionProcess inspectionProcess;

    InspectorReplacements(DrawStore store, ReplacementStore replacements, InspectorDrawInputs inputs, InspectorDirectory inspectors,
                          DrawViews views, InspectionProcess inspectionProcess) {
        this.store = store;
        this.replacements = replacements;
        this.inputs = inputs;
        this.inspectors = inspectors;
        this.views = views;
        this.inspectionProcess = inspectionProcess;
    }

    @Transactional
    public DrawView.ReplacementView replace(long taskId, long targetId, String staffNo, String reason) {
        DrawStore.Stored record = store.requireByTask(taskId);
        if (record.digest() == null) {
            throw ApiException.conflict("taskId", "抽取尚未完成，不能更换执法人员");
        }
        if (reason == null || reason.isBlank()) {
            throw ApiException.badRequest("reason", "更换执法人员必须说明理由");
        }
        InspectorView replaced = inspectors.findByStaffNo(staffNo)
                .orElseThrow(() -> ApiException.badRequest("staffNo", "执法人员 " + staffNo + " 不存在"));
        InspectorAssignment current = store.assignment(record.id());
        if (!current.inspectorsOf(targetId).contains(replaced.id())) {
            throw ApiException.badRequest("staffNo", "执法人员 " + staffNo + " 不在检查对象 " + targetId + " 的检查组中");
        }
        InspectorDrawRequest request = inputs.of(record, current.targets().stream().map(t -> t.targetId()).toList());
        int sequence = replacements.nextSequence(record.id());
        ReplacementOutcome outcome;
        try {
            outcome = InspectorReplacement.replace(request, current, sequence, targetId, replaced.id(), reason.strip());
        } catch (DrawImpossibleException | InvalidDrawInputException e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "无法更换执法人员：" + e.getMessage(), List.of());
        }
        DrawStore.ChainLink link = store.nextLink();
        String digest = DrawVerification.replacementDigest(record.drawAlgorithm(), request, record.candidateDigest(), outcome.replacement(), link.previousDigest());
        replacements.insert(record.id(), new ReplacementStore.ReplacementRow(sequence, targetId, replaced.id(),
                outcome.replacement().newInspectorId(), reason.strip(), CurrentUser.id(), BureauTime.now(), digest),
                store.inspectorInputsGz(request), link);
        store.replaceAssignment(record.id(), targetId, outcome.assignment().inspectorsOf(targetId));
        DrawView.ReplacementView done = views.view(record).replacements().stream().filter(r -> r.sequence() == sequence)
                .findFirst().orElseThrow();
        // An inspection already dispatched for the target moves with the draw, in the same transaction.
        for (long covered : store.coveredTasks(record.id())) {
            inspectionProcess.replaceInspector(covered, targetId, staffNo, done.newStaffNo(), reason.strip());
        }
        return done;
    }
}
