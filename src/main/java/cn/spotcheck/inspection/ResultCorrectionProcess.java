package cn.spotcheck.inspection;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.spotcheck.catalog.CandidateScan;
import cn.spotcheck.identity.CurrentUser;
import cn.spotcheck.identity.Roles;
import cn.spotcheck.system.ApiException;
import cn.spotcheck.system.Markdown;
import cn.spotcheck.system.ProcessVariables;

/**
 * The {@code result-correction} diagram's edge: starts the review of a request and carries out the decision. Its
 * variable and step names are written here and nowhere else.
 */
@Component("resultCorrectionProcess")
public class ResultCorrectionProcess {

    static final String KEY = "result-correction";
    static final String REVIEW = "reviewCorrection";
    static final String CORRECTION_ID = "correctionId";
    static final String REQUESTED_BY = "requestedBy";
    /** What the reviewer reads above the form (Markdown). */
    static final String CORRECTION_BRIEF = "correctionBrief";
    static final String APPROVED = "correctionApproved";
    static final String REVIEW_COMMENT = "reviewComment";

    private final ResultCorrections corrections;
    private final Inspections inspections;
    private final RuntimeService runtimeService;
    private final CandidateScan targets;

    ResultCorrectionProcess(ResultCorrections corrections, Inspections inspections, RuntimeService runtimeService, CandidateScan targets) {
        this.corrections = corrections;
        this.inspections = inspections;
        this.runtimeService = runtimeService;
        this.targets = targets;
    }

    /**
     * A request by the current user, its review started in the same transaction: the inspection's inspectors, the
     * legal staff and administrators may ask.
     */
    @Transactional
    public ResultCorrections.Correction request(String code, String category, String findings, String reason) {
        InspectionView inspection = inspections.get(code);
        String user = CurrentUser.id();
        if (!Roles.current(Roles.LEGAL, Roles.ADMIN) && !inspection.inspectorStaffNos().contains(user)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "只有本检查的执法检查人员和法规科可以申请更正检查结果", List.of());
        }
        ResultCorrections.Correction correction = corrections.request(code, category, findings, reason, user);
        CandidateScan.TargetIdentity target = targets.identities(List.of(inspection.targetId())).get(inspection.targetId());
        // The target and the code, as on every task about an inspection: Tasklist's list and filters show them.
        String processInstanceId = runtimeService.startProcessInstanceByKey(KEY, code, Map.of(
                CORRECTION_ID, correction.id(),
                REQUESTED_BY, user,
                CORRECTION_BRIEF, brief(correction),
                InspectionProcess.TARGET_NAME, target == null ? "" : target.name(),
                InspectionProcess.INSPECTION_CODE, code)).getId();
        corrections.started(correction.id(), processInstanceId);
        return correction;
    }

    public void apply(DelegateExecution execution) {
        corrections.approve(ProcessVariables.number(execution, CORRECTION_ID), reviewer(execution), ProcessVariables.text(execution, REVIEW_COMMENT));
    }

    public void reject(DelegateExecution execution) {
        corrections.reject(ProcessVariables.number(execution, CORRECTION_ID), reviewer(execution), ProcessVariables.text(execution, REVIEW_COMMENT));
    }

    /** Whoever completed the review: the service task runs in the same command, under the same authentication. */
    private static String reviewer(DelegateExecution execution) {
        Authentication current = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return current == null || current.getUserId() == null ? CurrentUser.SYSTEM : current.getUserId();
    }

    private static String brief(ResultCorrections.Correction c) {
        return Markdown.fit(Markdown.table(List.of("", "已公示", "申请更正为"), List.of(
                List.of("检查结果", c.oldCategory(), c.newCategory()),
                List.of("发现的问题", c.oldFindings() == null ? "—" : c.oldFindings(), c.newFindings() == null ? "—" : c.newFindings())))
                + "\n\n更正原因：" + Markdown.text(c.reason()) + "\n\n申请人：" + Markdown.text(CurrentUser.shown(c.requestedBy()))
                + "　" + Markdown.link("检查记录", "/inspections/" + c.inspectionCode()), "/inspections/" + c.inspectionCode());
    }
}
