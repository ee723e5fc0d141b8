package cn.spotcheck.followup;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.spotcheck.documents.IssuedDocument;
import cn.spotcheck.inspection.InspectionProcess;
import cn.spotcheck.inspection.Inspections;
import cn.spotcheck.system.ProcessVariables;

/**
 * The {@code follow-up} diagram's edge: its variable names are written here and nowhere else, and each of its
 * listeners and service tasks calls one method below, which reads them and makes a typed call on {@link FollowUps}.
 */
@Component("followUpProcess")
public class FollowUpProcess {

    // Inherited from the inspection that calls this diagram (its call activity passes every variable).
    static final String TARGET_ID = InspectionProcess.TARGET_ID;
    static final String FINDINGS = InspectionProcess.FINDINGS;
    static final String KIND = InspectionProcess.FOLLOW_UP_KIND;
    static final String DOCUMENTS_BRIEF = InspectionProcess.DOCUMENTS_BRIEF;

    // Set by the follow-up's own forms, or below.
    static final String RECTIFICATION_DEADLINE = "rectificationDeadline";
    static final String RECTIFICATION_REQUIREMENTS = "rectificationRequirements";
    static final String RECEIVING_DEPARTMENT = "receivingDepartment";
    static final String CLOSURE_NOTE = "closureNote";
    static final String CASE_NUMBER = "caseNumber";
    static final String DECISION_NUMBER = "decisionNumber";
    static final String PENALTY = "penalty";
    static final String HANDOVER_LETTER_ID = "handoverLetterId";
    static final String REFERRAL_LETTER_ID = "referralLetterId";

    private final FollowUps followUps;
    private final Inspections inspections;

    FollowUpProcess(FollowUps followUps, Inspections inspections) {
        this.followUps = followUps;
        this.inspections = inspections;
    }

    /**
     * Start listener. The inspection that calls it keeps its target on record, not as a variable to inherit: the
     * follow-up's documents need the id, so it becomes one of the follow-up's variables here.
     */
    public void open(DelegateExecution execution) {
        String code = execution.getProcessBusinessKey();
        if (execution.getVariable(TARGET_ID) == null) {
            execution.setVariable(TARGET_ID, inspections.targetOf(code).map(Inspections.DrawnTarget::id)
                    .orElseThrow(() -> new IllegalStateException("整改跟进的检查 " + code + " 不存在")));
        }
        followUps.open(code, ProcessVariables.number(execution, TARGET_ID), FollowUpKind.of(execution.getVariable(KIND)), execution.getProcessInstanceId());
    }

    /** The kind chosen (责令改正, 立案, 移交, 移送) once someone decided it. */
    public void kind(DelegateExecution execution) {
        followUps.kind(execution.getProcessBusinessKey(), FollowUpKind.of(execution.getVariable(KIND)));
    }

    /** A rectification not carried out is filed as a case: from then on the follow-up is a case, on record and in the process. */
    public void becameACase(DelegateExecution execution) {
        execution.setVariable(KIND, FollowUpKind.CASE.name());
        followUps.kind(execution.getProcessBusinessKey(), FollowUpKind.CASE);
    }

    /** 责令改正 completed: the deadline on record and the 责令改正通知书 issued, linked in the recheck's form. */
    public void rectificationDeadline(DelegateExecution execution) {
        Object deadline = execution.getVariable(RECTIFICATION_DEADLINE);
        if (deadline != null) {
            IssuedDocument order = followUps.rectificationOrder(execution.getProcessBusinessKey(), ProcessVariables.number(execution, TARGET_ID),
                    LocalDate.parse(deadline.toString().substring(0, 10)), ProcessVariables.text(execution, FINDINGS),
                    ProcessVariables.text(execution, RECTIFICATION_REQUIREMENTS));
            linkInForms(execution, order);
        }
    }

    public void handoverLetter(DelegateExecution execution) {
        IssuedDocument letter = followUps.handoverLetter(execution.getProcessBusinessKey(), ProcessVariables.number(execution, TARGET_ID),
                ProcessVariables.text(execution, RECEIVING_DEPARTMENT), ProcessVariables.text(execution, FINDINGS));
        execution.setVariable(HANDOVER_LETTER_ID, letter.id());
        linkInForms(execution, letter);
    }

    public void referralLetter(DelegateExecution execution) {
        IssuedDocument letter = followUps.referralLetter(execution.getProcessBusinessKey(), ProcessVariables.number(execution, TARGET_ID),
                ProcessVariables.text(execution, RECEIVING_DEPARTMENT), ProcessVariables.text(execution, FINDINGS));
        execution.setVariable(REFERRAL_LETTER_ID, letter.id());
        linkInForms(execution, letter);
    }

    private static void linkInForms(DelegateExecution execution, IssuedDocument document) {
        execution.setVariable(DOCUMENTS_BRIEF, InspectionProcess.withDocumentLink(execution.getVariable(DOCUMENTS_BRIEF), document));
    }

    public void close(DelegateExecution execution) {
        followUps.close(execution.getProcessBusinessKey(), ProcessVariables.text(execution, CLOSURE_NOTE),
                ProcessVariables.text(execution, DECISION_NUMBER), ProcessVariables.text(execution, PENALTY),
                ProcessVariables.text(execution, CASE_NUMBER));
    }
}
