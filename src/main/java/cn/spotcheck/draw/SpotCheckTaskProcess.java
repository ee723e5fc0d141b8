package cn.spotcheck.draw;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.spotcheck.identity.CurrentUser;
import cn.spotcheck.plan.TaskView;
import cn.spotcheck.system.ProcessVariables;

/**
 * The {@code spot-check-task} diagram's edge: its variable names are written here and nowhere else, and its draw
 * steps call the methods below, which read them and make typed calls on the draw's services.
 */
@Component("spotCheckTaskProcess")
public class SpotCheckTaskProcess {

    public static final String KEY = "spot-check-task";

    /** The spot-check task the process draws and dispatches (also its business key). */
    public static final String SPOT_CHECK_TASK_ID = "taskId";
    /** What the process's tasks are about, in their names and the Tasklist filters: the spot-check task's name. */
    static final String SUBJECT = "subject";
    /** The draw being confirmed, read-only above the decision (Markdown, on the task). */
    static final String DRAW_BRIEF = "drawBrief";
    /** 确认并公布's decision, read by its gateway. */
    static final String APPROVED = "approved";

    private final TargetDraws targetDraws;
    private final InspectorDraws inspectorDraws;
    private final DrawConfirmation confirmation;
    private final IdentityService identityService;
    private final DrawViews draws;
    private final DrawBrief brief;

    SpotCheckTaskProcess(TargetDraws targetDraws, InspectorDraws inspectorDraws, DrawConfirmation confirmation,
                         IdentityService identityService, DrawViews draws, DrawBrief brief) {
        this.targetDraws = targetDraws;
        this.inspectorDraws = inspectorDraws;
        this.confirmation = confirmation;
        this.identityService = identityService;
        this.draws = draws;
        this.brief = brief;
    }

    /** The variables the task's process starts with. */
    public static Map<String, Object> startVariables(TaskView task) {
        return Map.of(SPOT_CHECK_TASK_ID, task.id(), SUBJECT, task.name());
    }

    public void drawTargets(DelegateExecution execution) {
        targetDraws.draw(ProcessVariables.number(execution, SPOT_CHECK_TASK_ID));
    }

    public void drawInspectors(DelegateExecution execution) {
        inspectorDraws.draw(ProcessVariables.number(execution, SPOT_CHECK_TASK_ID));
    }

    /** Create listener of 确认并公布: the draw as recorded, for the form to show (see {@link DrawBrief}). */
    public void brief(DelegateTask task) {
        draws.findByTask(ProcessVariables.number(task, SPOT_CHECK_TASK_ID)).ifPresent(draw -> task.setVariableLocal(DRAW_BRIEF, brief.of(draw)));
    }

    /** 确认并公布 completed: approved, the draw becomes public under the confirming user's name. */
    public void confirm(DelegateTask task) {
        if (!Boolean.TRUE.equals(task.getVariable(APPROVED))) {
            return;
        }
        String user = task.getAssignee();
        if (user == null && identityService.getCurrentAuthentication() != null) {
            user = identityService.getCurrentAuthentication().getUserId();
        }
        confirmation.confirm(ProcessVariables.number(task, SPOT_CHECK_TASK_ID), user == null ? CurrentUser.id() : user);
    }
}
