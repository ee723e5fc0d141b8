package cn.spotcheck.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One planned check (抽查任务): which items, which targets, what share, when, in which form, by whom. */
@Entity
@Table(name = "spot_check_task")
class SpotCheckTask {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "plan_id")
    private long planId;

    private String name;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "item_codes", columnDefinition = "text[]")
    private List<String> itemCodes = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "filter_categories", columnDefinition = "text[]")
    private List<String> categories = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "filter_regions", columnDefinition = "text[]")
    private List<String> regions = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "filter_tags", columnDefinition = "text[]")
    private List<String> tags = new ArrayList<>();

    private BigDecimal ratio;

    @Column(name = "inspectors_per_target")
    private int inspectorsPerTarget;

    @Column(name = "start_date")
    private LocalDate start;

    @Column(name = "end_date")
    private LocalDate end;

    @Enumerated(EnumType.STRING)
    @Column(name = "check_form")
    private CheckForm form;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    private List<String> departments = new ArrayList<>();

    private boolean joint;

    @Column(name = "joint_group")
    private String jointGroup;

    @Enumerated(EnumType.STRING)
    private TaskStatus status = TaskStatus.PLANNED;

    @Column(name = "created_at")
    private Instant createdAt;

    /** The named targets of a 定向抽查; null for a task drawn at random. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "targeted_target_ids", columnDefinition = "bigint[]")
    private List<Long> targetIds;

    @Column(name = "targeted_reason")
    private String targetedReason;

    @Column(name = "targeted_by")
    private String targetedBy;

    protected SpotCheckTask() {
    }

    SpotCheckTask(long planId, TaskSpec spec, Instant now) {
        this.planId = planId;
        this.createdAt = now;
        this.name = spec.name();
        this.itemCodes = new ArrayList<>(spec.itemCodes());
        this.categories = new ArrayList<>(spec.categories());
        this.regions = new ArrayList<>(spec.regions());
        this.tags = new ArrayList<>(spec.tags());
        this.ratio = spec.ratio();
        this.inspectorsPerTarget = spec.inspectorsPerTarget();
        this.start = spec.start();
        this.end = spec.end();
        this.form = spec.form();
        this.departments = new ArrayList<>(spec.departments());
        this.joint = spec.joint();
        this.jointGroup = spec.jointGroup();
    }

    /** A 定向抽查 of {@code targetIds} in a published plan: published with it at once, outside the random draw. */
    static SpotCheckTask targeted(long planId, TaskSpec spec, List<Long> targetIds, String reason, String by, Instant now) {
        SpotCheckTask task = new SpotCheckTask(planId, spec, now);
        task.targetIds = new ArrayList<>(targetIds);
        task.targetedReason = reason;
        task.targetedBy = by;
        task.status = TaskStatus.PUBLISHED;
        return task;
    }

    TaskView view() {
        return new TaskView(id, planId, name, List.copyOf(itemCodes),
                new TaskView.TargetFilter(List.copyOf(categories), List.copyOf(regions), List.copyOf(tags)),
                ratio, inspectorsPerTarget, start, end, form.name(), form.displayName(), List.copyOf(departments), joint, jointGroup, status.name(),
                targetIds == null ? null : List.copyOf(targetIds), targetedReason);
    }

    Long getId() {
        return id;
    }

    long getPlanId() {
        return planId;
    }

    void published() {
        this.status = TaskStatus.PUBLISHED;
    }
}
