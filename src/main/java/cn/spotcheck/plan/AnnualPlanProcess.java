package cn.spotcheck.plan;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.spotcheck.identity.ActingUser;
import cn.spotcheck.identity.CurrentUser;
import cn.spotcheck.system.ProcessVariables;

/**
 * The {@code annual-plan} diagram's edge: its variable and review step names are written here and nowhere else. Its
 * review listeners call the methods below, which read the decision and record it through {@link AnnualPlans}.
 */
@Component("annualPlanProcess")
public class AnnualPlanProcess {

    public static final String KEY = "annual-plan";

    // The review steps (element ids); a review is recorded under its step's name.
    static final String LEGAL_REVIEW = "legalReview";
    static final String JUSTICE_REVIEW = "justiceReview";

    // Set when the plan is submitted.
    static final String PLAN_ID = "planId";
    static final String PLAN_YEAR = "planYear";
    static final String PLAN_TITLE = "planTitle";
    static final String REVISION = "revision";
    static final String AUTHOR = "author";
    static final String SUBMITTED_BY = "submittedBy";
    /** What the review tasks are about, in their names and the Tasklist filters. */
    static final String SUBJECT = "subject";
    /** The plan with its tasks, read-only above the decision (Markdown, on the task). */
    static final String PLAN_BRIEF = "planBrief";

    // A review's own decision, read by the gateways; then kept under the stage's names for the next review to show.
    static final String APPROVED = "approved";
    static final String COMMENT = "comment";
    static final String LEGAL_REVIEWER = "legalReviewer";

    private final AnnualPlans plans;
    private final PlanBrief brief;

    AnnualPlanProcess(AnnualPlans plans, PlanBrief brief) {
        this.plans = plans;
        this.brief = brief;
    }

    /** The variables a plan's review process starts with. */
    static Map<String, Object> submission(AnnualPlan plan, String submittedBy) {
        return Map.of(PLAN_ID, plan.getId(), PLAN_YEAR, plan.getYear(), AUTHOR, plan.getAuthor(), SUBMITTED_BY, submittedBy,
                PLAN_TITLE, plan.getTitle(), REVISION, plan.getRevision(),
                SUBJECT, plan.getTitle() + (plan.getRevision() > 1 ? "（第 " + plan.getRevision() + " 版）" : ""));
    }

    /**
     * A review opens empty: the decision and words of an earlier review (法制, or the round before a return) are
     * the record's, not a pre-filled answer. The 司法局 form shows 法制's decision from {@code legalComment}.
     */
    public void openReview(DelegateTask task) {
        task.getExecution().removeVariable(APPROVED);
        task.getExecution().removeVariable(COMMENT);
    }

    /** Create listener of the plan's tasks: the plan as it stands now, for the form to show (see {@link PlanBrief}). */
    public void brief(DelegateTask task) {
        task.setVariableLocal(PLAN_BRIEF, brief.of(plans.get(ProcessVariables.number(task, PLAN_ID))));
    }

    /**
     * A reviewer's decision, kept with the plan whatever it was (the four-eyes rules have passed by then, see
     * {@link PlanReviewRules}), and under the stage's own names, so that the next review reads it without inheriting it.
     */
    public void recordReview(DelegateTask task, String stage) {
        String reviewer = ActingUser.of(task);
        String recordedReviewer = reviewer == null ? CurrentUser.SYSTEM : reviewer;
        boolean approved = Boolean.TRUE.equals(task.getVariable(APPROVED));
        Object comment = task.getVariable(COMMENT);
        String text = comment == null ? "" : comment.toString();
        plans.recordReview(ProcessVariables.number(task, PLAN_ID), stage, recordedReviewer, approved, comment == null ? null : text);
        String prefix = LEGAL_REVIEW.equals(stage) ? "legal" : "justice";
        task.getExecution().setVariable(prefix + "Reviewer", recordedReviewer);
        task.getExecution().setVariable(prefix + "Approved", approved);
        task.getExecution().setVariable(prefix + "Comment", text);
    }
}
