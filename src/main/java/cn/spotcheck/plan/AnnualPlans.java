package cn.spotcheck.plan;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.catalog.ItemList;
import cn.spotcheck.identity.CurrentUser;
import cn.spotcheck.system.ApiException;
import cn.spotcheck.system.FieldMessage;

/**
 * 年度抽查计划: drafting, tasks, submission to review (process {@code annual-plan}), the reviewers' decisions,
 * publication and adjustment. The BPMN diagram calls the {@code annualPlans} bean at each step.
 */
@Service("annualPlans")
public class AnnualPlans {


    private final AnnualPlanRepository plans;
    private final SpotCheckTaskRepository tasks;
    private final TaskRules rules;
    private final ItemList items;
    private final RuntimeService runtimeService;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    AnnualPlans(AnnualPlanRepository plans, SpotCheckTaskRepository tasks, TaskRules rules, ItemList items,
                RuntimeService runtimeService, JdbcTemplate jdbc, ObjectMapper json) {
        this.plans = plans;
        this.tasks = tasks;
        this.rules = rules;
        this.items = items;
        this.runtimeService = runtimeService;
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional
    public PlanView create(PlanInput input) {
        List<FieldMessage> errors = new ArrayList<>();
        if (input.year() == null || input.year() < 2021 || input.year() > 2100) {
            errors.add(new FieldMessage("year", "计划年度应为 2021 到 2100 之间的年份"));
        }
        if (input.department() == null || input.department().isBlank()) {
            errors.add(new FieldMessage("department", "实施部门不能为空"));
        }
        if (input.title() == null || input.title().isBlank()) {
            errors.add(new FieldMessage("title", "计划名称不能为空"));
        } else if (input.title().length() > 200) {
            errors.add(new FieldMessage("title", "计划名称不能超过 200 个字符"));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, errors.get(0).message(), errors);
        }
        AnnualPlan plan = plans.save(new AnnualPlan(input.year(), input.department().strip(), input.title().strip(),
                CurrentUser.id(), BureauTime.now()));
        return view(plan);
    }

    @Transactional
    public TaskView addTask(long planId, TaskInput input) {
        AnnualPlan plan = plan(planId);
        if (!plan.getStatus().editable()) {
            throw ApiException.conflict("status", "计划当前状态为“" + plan.getStatus().displayName() + "”，不能添加任务；已发布的计划请先发起调整");
        }
        TaskSpec spec = rules.validate(plan.getYear(), input);
        return tasks.save(new SpotCheckTask(planId, spec, BureauTime.now())).view();
    }

    public PlanView get(long planId) {
        return view(plan(planId));
    }

    /**
     * A task's window alone: read for every inspection's due dates and every recorded date, where the whole task
     * (with its lists and, for a targeted task, every target) was loaded three times per completed step.
     */
    public TaskWindow window(long taskId) {
        return jdbc.query("select name, start_date, end_date from spotcheck.spot_check_task where id = ?",
                (rs, i) -> new TaskWindow(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)), taskId)
                .stream().findFirst().orElseThrow(() -> ApiException.notFound("抽查任务 " + taskId + " 不存在"));
    }

    public TaskView task(long taskId) {
        return tasks.findById(taskId).map(SpotCheckTask::view)
                .orElseThrow(() -> ApiException.notFound("抽查任务 " + taskId + " 不存在"));
    }

    /** The tasks of a joint group (联合抽查组), in id order, whatever plan they are in. */
    public List<TaskView> jointGroupMembers(String jointGroup) {
        return tasks.findByJointGroupOrderById(jointGroup).stream().map(SpotCheckTask::view).toList();
    }

    /** The plan a task belongs to. */
    public PlanView planOf(long taskId) {
        return get(task(taskId).planId());
    }

    public List<PlanView> published() {
        return plans.findByStatusOrderByYearDescIdDesc(PlanStatus.PUBLISHED).stream().map(this::view).toList();
    }

    public List<PlanView> all() {
        return plans.findAll(org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Direction.DESC, "id"))
                .stream().map(this::view).toList();
    }

    @Transactional
    public PlanView submit(long planId) {
        AnnualPlan plan = plan(planId);
        if (plan.getStatus() != PlanStatus.DRAFT && plan.getStatus() != PlanStatus.ADJUSTING) {
            throw ApiException.conflict("status", "计划当前状态为“" + plan.getStatus().displayName() + "”，不能提交审核");
        }
        if (tasks.findByPlanIdOrderById(planId).isEmpty()) {
            throw ApiException.badRequest("tasks", "计划中还没有抽查任务，不能提交审核");
        }
        plan.submitted(BureauTime.now());
        runtimeService.startProcessInstanceByKey(AnnualPlanProcess.KEY, String.valueOf(planId),
                AnnualPlanProcess.submission(plan, CurrentUser.id()));
        return view(plan);
    }

    /** 计划调整: a published plan goes back to editing and then through the same reviews. */
    @Transactional
    public PlanView adjust(long planId) {
        AnnualPlan plan = plan(planId);
        if (plan.getStatus() != PlanStatus.PUBLISHED) {
            throw ApiException.conflict("status", "只有已发布的计划可以调整");
        }
        plan.adjusting();
        return view(plan);
    }

    // --- called from the annual-plan diagram ---------------------------------------------------------------

    /** A review as decided; recorded whatever the decision. */
    void recordReview(long planId, String stage, String reviewer, boolean approved, String comment) {
        jdbc.update("insert into spotcheck.plan_review (plan_id, revision, stage, reviewer, approved, comment, reviewed_at) values (?,?,?,?,?,?,?)",
                planId, plan(planId).getRevision(), stage, reviewer, approved, comment, Timestamp.from(BureauTime.now()));
    }

    @Transactional
    public void returnToAuthor(long planId) {
        plan(planId).returned();
    }

    @Transactional
    public void resubmitted(long planId) {
        plan(planId).resubmitted();
    }

    /** Publishes the approved plan: it points at the item list it was approved with and its snapshot is kept. */
    @Transactional
    public void publish(long planId) {
        AnnualPlan plan = plan(planId);
        plan.published(items.currentVersion(), BureauTime.now());
        plans.saveAndFlush(plan);
        try {
            jdbc.update("insert into spotcheck.plan_publication (plan_id, revision, published_at, snapshot) values (?,?,?,?::jsonb) "
                            + "on conflict (plan_id, revision) do nothing",
                    planId, plan.getRevision(), Timestamp.from(BureauTime.now()), json.writeValueAsString(view(plan)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        tasks.findByPlanIdOrderById(planId).forEach(SpotCheckTask::published);
    }

    /** Every published version of a plan, newest first, exactly as it was published. */
    public List<PlanView> publishedVersions(long planId) {
        plan(planId);
        return jdbc.queryForList("select snapshot::text from spotcheck.plan_publication where plan_id = ? order by revision desc",
                String.class, planId).stream().map(this::readSnapshot).toList();
    }

    private PlanView readSnapshot(String json) {
        try {
            return this.json.readValue(json, PlanView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private AnnualPlan plan(long planId) {
        return plans.findById(planId).orElseThrow(() -> ApiException.notFound("年度抽查计划 " + planId + " 不存在"));
    }

    private PlanView view(AnnualPlan plan) {
        List<TaskView> taskViews = plan.getId() == null ? List.of()
                : tasks.findByPlanIdOrderById(plan.getId()).stream().map(SpotCheckTask::view).toList();
        List<PlanView.Review> reviews = plan.getId() == null ? List.of() : jdbc.query(
                "select revision, stage, reviewer, approved, comment, reviewed_at from spotcheck.plan_review where plan_id = ? order by id",
                (rs, i) -> new PlanView.Review(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant()), plan.getId());
        return new PlanView(plan.getId(), plan.getYear(), plan.getDepartment(), plan.getTitle(), plan.getStatus().name(),
                plan.getStatus().displayName(), plan.getRevision(), plan.getItemListVersion(), plan.getAuthor(),
                plan.getSubmittedAt(), plan.getPublishedAt(), taskViews, reviews);
    }
}
