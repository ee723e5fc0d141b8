package cn.spotcheck.inspection;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.catalog.CandidateScan;
import cn.spotcheck.documents.IssuedDocument;
import cn.spotcheck.system.DiagramProperties;
import cn.spotcheck.system.Markdown;
import cn.spotcheck.system.ProcessVariables;

/**
 * The {@code inspection} diagram's edge. Its variable and step names are written here and nowhere else; each listener
 * and service task of the diagram calls one method below, which reads the variables and makes a typed call on
 * {@link Inspections} or {@link InspectionNotices}. A variable renamed in Modeler is renamed in this file.
 */
@Component("inspectionProcess")
public class InspectionProcess {

    public static final String KEY = "inspection";

    // Set by whoever starts an inspection (the dispatcher). Lists are comma-separated strings, not serialized Java
    // lists: a task starts thousands of inspections, each variable three rows. The target's id, name, code, address
    // and level and the item codes are needed by the start alone (the inspection's row keeps them): the dispatcher passes them
    // as transient variables, and later steps read the row.
    public static final String SPOT_CHECK_TASK_ID = "taskId";
    public static final String TARGET_ID = "targetId";
    public static final String TARGET_NAME = "targetName";
    public static final String TARGET_CODE = "targetCode";
    public static final String ITEM_CODES = "itemCodes";
    public static final String INSPECTOR_IDS = "inspectorUserIds";
    /** The target's address as the directory had it when the slice was read (optional; the notice's brief shows it). */
    public static final String TARGET_ADDRESS = "targetAddress";
    /** The target's credit level when it was drawn (optional). */
    public static final String CREDIT_LEVEL = "creditLevel";

    // Set along the way, by the forms or below. The follow-up diagram inherits them all.
    public static final String FINDINGS = "findings";
    public static final String FOLLOW_UP_KIND = "followUpKind";
    static final String INSPECTION_CODE = "inspectionCode";
    static final String INSPECTOR_CHOICES = "officerChoices";
    /** Whom, where, for what and who: read-only above the inspectors' forms (Markdown, see {@code InspectionNotices}). */
    static final String INSPECTION_BRIEF = "inspectionBrief";
    /** Links to the documents the result produced (现场检查记录表, 检查结果告知书, then the follow-up's), Markdown. */
    public static final String DOCUMENTS_BRIEF = "documentsBrief";
    static final String INSPECTION_DATE = "inspectionDate";
    static final String PRESENT_INSPECTOR_1 = "presentOfficer1";
    static final String PRESENT_INSPECTOR_2 = "presentOfficer2";
    public static final String RESULT_CATEGORY = "resultCategory";
    static final String INSPECTION_END_DATE = "inspectionEndDate";
    static final String FINDING = "finding";
    static final String PUBLICATION_CONFIRMED = "publicationConfirmed";
    static final String PUBLICATION_REFUSAL_REASON = "publicationRefusalReason";

    /**
     * The diagram's periods, written once each as extension properties of the process (Modeler: 流程 → Extension
     * properties) and copied into these variables when the result is recorded, where the publication step's due date
     * and timers read them (not at the start: a fan-out starts tens of thousands of inspections, each variable a row).
     */
    static final String PUBLICATION_WORKING_DAYS = "publicationWorkingDays";
    static final String PUBLICATION_REMINDER_WORKING_DAY = "publicationReminderWorkingDay";

    // The user tasks (element ids) that rules and deadlines refer to.
    static final String ON_SITE_INSPECTION = "onSiteInspection";
    public static final String RESULT_ENTRY = "resultEntry";
    static final String PUBLISH_RESULT = "publishResult";

    private final Inspections inspections;
    private final InspectionNotices notices;
    private final ResultDocuments resultDocuments;
    private final RuntimeService runtimeService;
    private final TaskService taskService;

    InspectionProcess(Inspections inspections, InspectionNotices notices, ResultDocuments resultDocuments, RuntimeService runtimeService,
                      TaskService taskService) {
        this.inspections = inspections;
        this.notices = notices;
        this.resultDocuments = resultDocuments;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
    }

    /**
     * Start listener: the inspection's row is written in the same transaction as its process instance. What the
     * dispatcher hands over only for the start (the target, its items and level) may come as transient variables:
     * the row keeps it, and the process does not.
     */
    public void open(DelegateExecution execution) {
        String code = execution.getBusinessKey();
        if (code == null) {
            throw new IllegalStateException("检查流程必须以检查编号作为业务键启动");
        }
        execution.setVariable(INSPECTION_CODE, code);
        long targetId = ProcessVariables.number(execution, TARGET_ID);
        String targetName = (String) execution.getVariable(TARGET_NAME);
        String targetCode = (String) execution.getVariable(TARGET_CODE);
        if (targetName == null) {
            // Started by hand with a target id only: the directory's name, code and address, for this start's notice as well.
            CandidateScan.TargetIdentity known = notices.identity(targetId);
            targetName = known == null ? "" : known.name();
            targetCode = known == null ? "" : known.code();
            execution.setVariable(TARGET_NAME, Variables.stringValue(targetName, true));
            execution.setVariable(TARGET_CODE, Variables.stringValue(targetCode, true));
            execution.setVariable(TARGET_ADDRESS, Variables.stringValue(known == null || known.address() == null ? "" : known.address(), true));
        }
        inspections.open(code, ProcessVariables.number(execution, SPOT_CHECK_TASK_ID), new Inspections.DrawnTarget(targetId, targetName, targetCode),
                strings(execution.getVariable(ITEM_CODES)), strings(execution.getVariable(INSPECTOR_IDS)), (String) execution.getVariable(CREDIT_LEVEL),
                execution.getProcessInstanceId());
    }

    /** 生成检查通知书, and what the inspectors' forms show from then on. */
    public void issueNotice(DelegateExecution execution) {
        InspectionNotices.Issued issued = notices.issue(execution.getProcessBusinessKey(), ProcessVariables.number(execution, SPOT_CHECK_TASK_ID),
                ProcessVariables.number(execution, TARGET_ID), (String) execution.getVariable(TARGET_NAME), (String) execution.getVariable(TARGET_CODE),
                (String) execution.getVariable(TARGET_ADDRESS), strings(execution.getVariable(ITEM_CODES)), strings(execution.getVariable(INSPECTOR_IDS)));
        execution.setVariable(INSPECTOR_CHOICES, issued.inspectorChoices());
        execution.setVariable(INSPECTION_BRIEF, issued.brief());
    }

    /** 现场检查 completed: its date, and the inspectors present (those chosen on the form, else the drawn team). */
    public void recordOnSite(DelegateTask task) {
        Object date = task.getVariable(INSPECTION_DATE);
        Object first = task.getVariable(PRESENT_INSPECTOR_1);
        Object second = task.getVariable(PRESENT_INSPECTOR_2);
        List<String> present = first != null && second != null ? List.of(first.toString(), second.toString())
                : strings(task.getVariable(INSPECTOR_IDS));
        inspections.recordOnSite(code(task), date == null ? null : day(date), present);
    }

    /**
     * 结果录入 completed: the result on record with its 现场检查记录表 (linked in the review's form), and the gateways
     * told whether a follow-up comes.
     */
    public void recordResult(DelegateTask task) {
        Object endDate = task.getVariable(INSPECTION_END_DATE);
        if (endDate == null) {
            throw new BadUserRequestException("缺少检查结束日期 " + INSPECTION_END_DATE + "（YYYY-MM-DD）");
        }
        ResultCategories.Category category = inspections.recordResult(code(task), ProcessVariables.text(task, RESULT_CATEGORY), ProcessVariables.text(task, FINDINGS),
                day(endDate));
        task.getExecution().setVariable(FOLLOW_UP_KIND, category.followUp());
        task.getExecution().setVariable(FINDING, category.finding());
        Inspections.DrawnTarget target = target(code(task));
        task.getExecution().setVariable(DOCUMENTS_BRIEF, withDocumentLink(null, resultDocuments.onSiteRecord(code(task), target.name(), target.code())));
        DiagramProperties periods = DiagramProperties.of(task.getExecution());
        for (String period : List.of(PUBLICATION_WORKING_DAYS, PUBLICATION_REMINDER_WORKING_DAY)) {
            task.getExecution().setVariable(period, periods.workingDays(period));
        }
    }

    /** The reviewer's decision is the reviewer's: the form opens without an earlier round's answer. */
    public void openPublicationReview(DelegateTask task) {
        task.getExecution().removeVariable(PUBLICATION_CONFIRMED);
        task.getExecution().removeVariable(PUBLICATION_REFUSAL_REASON);
    }

    /** The publication deadline is whatever due date the diagram gave the publication step. */
    public void publicationDue(DelegateTask task) {
        if (task.getDueDate() != null) {
            inspections.publicationDue(code(task), BureauTime.dayOf(task.getDueDate()));
        }
    }

    /** Refused: back to 结果录入, the reviewer's reason kept with the inspection and shown on the inspectors' form. */
    public void publicationRefused(DelegateExecution execution) {
        inspections.publicationRefused(execution.getProcessBusinessKey(), ProcessVariables.text(execution, PUBLICATION_REFUSAL_REASON));
    }

    /** Published, and the target told of its result by a 检查结果告知书 (linked in the follow-up's forms). */
    public void publish(DelegateExecution execution) {
        String code = execution.getProcessBusinessKey();
        if (inspections.publish(code)) {
            Inspections.DrawnTarget target = target(code);
            execution.setVariable(DOCUMENTS_BRIEF, withDocumentLink(execution.getVariable(DOCUMENTS_BRIEF),
                    resultDocuments.resultNotice(code, target.name(), target.code())));
        }
    }

    /** End listener. */
    public void closed(DelegateExecution execution) {
        inspections.closed(execution.getProcessBusinessKey());
    }

    /**
     * An inspector replaced after dispatch: the running inspection of {@code targetId} in {@code spotCheckTaskId} moves to
     * the new inspector — its record, its process (who may work its open tasks) and a re-issued 检查通知书, the old one
     * marked superseded. The replaced inspector no longer sees it; the new one finds it in 我的待办. Nothing to do before
     * dispatch.
     */
    public void replaceInspector(long spotCheckTaskId, long targetId, String replaced, String replacement, String reason) {
        for (Inspections.Reassigned moved : inspections.reassign(spotCheckTaskId, targetId, replaced, replacement)) {
            String processInstanceId = moved.processInstanceId();
            runtimeService.setVariable(processInstanceId, INSPECTOR_IDS, String.join(",", moved.inspectorIds()));
            runtimeService.setVariable(processInstanceId, INSPECTOR_CHOICES, notices.choices(moved.inspectorIds()));
            for (org.camunda.bpm.engine.task.Task open : taskService.createTaskQuery().processInstanceId(processInstanceId).list()) {
                boolean offeredToReplaced = taskService.getIdentityLinksForTask(open.getId()).stream()
                        .anyMatch(l -> replaced.equals(l.getUserId()));
                if (offeredToReplaced) {
                    taskService.deleteCandidateUser(open.getId(), replaced);
                    taskService.addCandidateUser(open.getId(), replacement);
                }
                if (replaced.equals(open.getAssignee())) {
                    taskService.setAssignee(open.getId(), null);
                }
                taskService.createComment(open.getId(), processInstanceId, "执法人员 " + replaced + " 更换为 " + replacement + "：" + reason);
            }
            Inspections.DrawnTarget target = target(moved.code());
            runtimeService.setVariable(processInstanceId, INSPECTION_BRIEF, notices.reissue(moved.code(), spotCheckTaskId, targetId,
                    target.name(), target.code(), inspections.get(moved.code()).itemCodes(), moved.inspectorIds()));
        }
    }

    /** The forms' line of links to the documents issued so far ({@code documentsBrief}), the newest appended. */
    public static String withDocumentLink(Object brief, IssuedDocument document) {
        int space = document.title().indexOf(' ');
        String link = Markdown.link(space < 0 ? document.title() : document.title().substring(0, space), "/api/documents/" + document.id());
        return brief == null || brief.toString().isBlank() ? "文书：" + link : brief + "　" + link;
    }

    private Inspections.DrawnTarget target(String code) {
        return inspections.targetOf(code).orElseThrow(() -> new IllegalStateException("检查 " + code + " 不存在"));
    }

    private static String code(DelegateTask task) {
        return task.getExecution().getProcessBusinessKey();
    }

    /** A date variable as forms and the REST API send it: a Date, or text starting YYYY-MM-DD. */
    static LocalDate day(Object value) {
        if (value instanceof java.util.Date d) {
            return BureauTime.dayOf(d);
        }
        String text = value.toString().strip();
        return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    }

    /** A list variable as the diagrams carry it: a collection, or one comma-separated string. */
    static List<String> strings(Object value) {
        if (value instanceof Collection<?> c) {
            return c.stream().map(Object::toString).toList();
        }
        return value == null || value.toString().isBlank() ? List.of() : List.of(value.toString().split("\\s*,\\s*"));
    }
}
