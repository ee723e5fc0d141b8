package cn.spotcheck.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.identity.Accounts;
import cn.spotcheck.identity.CurrentUser;
import cn.spotcheck.system.ApiException;
import cn.spotcheck.system.FieldMessage;

/** 检查人员名录库: inspectors, whether each may be drawn today and why not, and their recusals. */
@Service
public class InspectorDirectory {

    private final InspectorRepository repository;
    private final RecusalRepository recusals;
    private final TargetRepository targets;
    private final CatalogHistory history;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;
    private final Accounts accounts;

    InspectorDirectory(InspectorRepository repository, RecusalRepository recusals, TargetRepository targets,
                       CatalogHistory history, org.springframework.jdbc.core.JdbcTemplate jdbc, Accounts accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.repository = repository;
        this.recusals = recusals;
        this.targets = targets;
        this.history = history;
    }

    @Transactional
    public InspectorView create(InspectorInput input) {
        InspectorData data = InspectorRules.validate(input).orThrow();
        repository.findByStaffNo(data.staffNo()).ifPresent(existing -> {
            throw ApiException.conflict("staffNo", "工号 " + data.staffNo() + " 已登记为“" + existing.getName() + "”");
        });
        Inspector inspector = repository.saveAndFlush(new Inspector(data, BureauTime.now()));
        history.record(Register.INSPECTOR, inspector.getId(), CatalogHistory.CREATED, null, data.snapshot());
        return view(inspector, BureauTime.today());
    }

    @Transactional
    public InspectorView update(long id, InspectorInput input) {
        Inspector inspector = repository.findById(id).orElseThrow(() -> notFound(id));
        InspectorData data = InspectorRules.validate(input).orThrow();
        repository.findByStaffNo(data.staffNo()).filter(other -> !other.getId().equals(id)).ifPresent(other -> {
            throw ApiException.conflict("staffNo", "工号 " + data.staffNo() + " 已登记为“" + other.getName() + "”");
        });
        var before = inspector.data().snapshot();
        inspector.apply(data, BureauTime.now());
        repository.saveAndFlush(inspector);
        history.record(Register.INSPECTOR, id, CatalogHistory.UPDATED, before, data.snapshot());
        return view(inspector, BureauTime.today());
    }

    public InspectorView get(long id) {
        return view(repository.findById(id).orElseThrow(() -> notFound(id)), BureauTime.today());
    }

    public java.util.Optional<InspectorView> findByStaffNo(String staffNo) {
        return repository.findByStaffNo(staffNo).map(i -> view(i, BureauTime.today()));
    }

    public PageOf<InspectorView> search(String q, String department, String status, Integer page, Integer size) {
        int p = page == null || page < 0 ? 0 : page;
        int s = size == null || size <= 0 ? 20 : Math.min(size, 500);
        Page<Inspector> found = repository.search(TargetRules.trim(q), TargetRules.trim(department), TargetRules.trim(status),
                PageRequest.of(p, s));
        return new PageOf<>(views(found.getContent(), BureauTime.today()), found.getTotalElements(), p, s, null);
    }

    /** Every inspector, in staff-number order: the directory is a few thousand people at most. */
    public List<InspectorView> all() {
        return views(repository.findAll(org.springframework.data.domain.Sort.by("staffNo")), BureauTime.today());
    }

    private InspectorView view(Inspector inspector, LocalDate day) {
        return InspectorView.of(inspector, day, accounts.exists(inspector.getStaffNo()));
    }

    private List<InspectorView> views(List<Inspector> inspectors, LocalDate day) {
        java.util.Set<String> withAccount = accounts.existing(inspectors.stream().map(Inspector::getStaffNo).toList());
        return inspectors.stream().map(i -> InspectorView.of(i, day, withAccount.contains(i.getStaffNo()))).toList();
    }

    public List<HistoryEntry> history(long id) {
        repository.findById(id).orElseThrow(() -> notFound(id));
        return history.of(Register.INSPECTOR, id);
    }

    @Transactional
    public RecusalView declareRecusal(long inspectorId, RecusalInput input) {
        repository.findById(inspectorId).orElseThrow(() -> notFound(inspectorId));
        List<FieldMessage> errors = new ArrayList<>();
        if (input.targetId() == null) {
            errors.add(new FieldMessage("targetId", "检查对象不能为空"));
        } else if (!targets.existsById(input.targetId())) {
            errors.add(new FieldMessage("targetId", "检查对象 " + input.targetId() + " 不存在"));
        }
        String relation = TargetRules.trim(input.relation());
        if (relation == null) {
            errors.add(new FieldMessage("relation", "回避关系不能为空"));
        } else if (!CatalogVocabulary.RECUSAL_RELATIONS.contains(relation)) {
            errors.add(new FieldMessage("relation", "回避关系“" + relation + "”无效，可选：" + CatalogVocabulary.joined(CatalogVocabulary.RECUSAL_RELATIONS)));
        }
        String reason = TargetRules.required(input.reason(), "reason", "回避理由", 500, errors);
        LocalDate from = BureauTime.today();
        if (TargetRules.trim(input.validFrom()) != null) {
            from = Dates.parse(input.validFrom());
            if (from == null) {
                errors.add(new FieldMessage("validFrom", "生效日期格式应为 YYYY-MM-DD"));
            }
        }
        LocalDate to = null;
        if (TargetRules.trim(input.validTo()) != null) {
            to = Dates.parse(input.validTo());
            if (to == null) {
                errors.add(new FieldMessage("validTo", "截止日期格式应为 YYYY-MM-DD"));
            } else if (from != null && to.isBefore(from)) {
                errors.add(new FieldMessage("validTo", "截止日期不能早于生效日期"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(org.springframework.http.HttpStatus.BAD_REQUEST, errors.get(0).message(), errors);
        }
        Recusal recusal = recusals.saveAndFlush(new Recusal(inspectorId, input.targetId(), relation, reason, from, to,
                CurrentUser.id(), BureauTime.now()));
        history.record(Register.RECUSAL, recusal.getId(), CatalogHistory.CREATED, null, Target.ordered(
                "inspectorId", inspectorId, "targetId", input.targetId(), "relation", relation, "reason", reason,
                "validFrom", from, "validTo", to));
        return recusal.view();
    }

    public List<RecusalView> recusals(long inspectorId) {
        repository.findById(inspectorId).orElseThrow(() -> notFound(inspectorId));
        return recusals.findByInspectorIdOrderByIdDesc(inspectorId).stream().map(Recusal::view).toList();
    }

    /**
     * The inspectors a draw may use for a task ending on {@code taskEnd}: 在岗, holding a certificate valid through
     * that day (持证上岗), with the expertise the items require: all of it, or for a joint check at least one part.
     */
    /**
     * The inspectors {@link Drawability} admits on {@code taskEnd} with this expertise (all of it, or with
     * {@code anyExpertise} any part), in id order. Read with plain SQL, only the fields the rule and the draw need: a
     * draw over a directory of thousands should not build an entity and a view per inspector.
     */
    public List<DrawableInspector> drawablePool(LocalDate taskEnd, java.util.Collection<String> requiredExpertise, boolean anyExpertise) {
        String expertise = requiredExpertise.isEmpty() ? "" : anyExpertise ? " where expertise && ?::text[]" : " where expertise @> ?::text[]";
        Object[] args = requiredExpertise.isEmpty() ? new Object[0] : new Object[] {requiredExpertise.toArray(String[]::new)};
        record Row(DrawableInspector inspector, String status, String certificateNo, LocalDate certificateValidUntil) {
        }
        List<Row> rows = jdbc.query("select id, staff_no, department, expertise, status, certificate_no, certificate_valid_until "
                        + "from spotcheck.inspector" + expertise + " order by id",
                (rs, i) -> new Row(new DrawableInspector(rs.getLong(1), rs.getString(2), rs.getString(3),
                        List.of((String[]) rs.getArray(4).getArray())), rs.getString(5), rs.getString(6),
                        rs.getObject(7, LocalDate.class)), args);
        java.util.Set<String> withAccount = accounts.existing(rows.stream().map(r -> r.inspector().staffNo()).toList());
        return rows.stream().filter(r -> Drawability.of(r.inspector().staffNo(), r.status(), r.certificateNo(),
                r.certificateValidUntil(), taskEnd, withAccount.contains(r.inspector().staffNo())).drawable())
                .map(Row::inspector).toList();
    }

    /*
     * The two lookups below run inside a fan-out's long transactions, thousands of times: plain SQL, so that no
     * entity piles up in the persistence context to be dirty-checked before every later query.
     */

    public java.util.Map<Long, String> staffNumbers(java.util.Collection<Long> inspectorIds) {
        java.util.Map<Long, String> result = new java.util.HashMap<>();
        jdbc.query("select id, staff_no from spotcheck.inspector where id = any(?)",
                rs -> {
                    result.put(rs.getLong(1), rs.getString(2));
                }, (Object) inspectorIds.toArray(Long[]::new));
        return result;
    }

    /** Who an inspector is, as a document names them. */
    public record InspectorCard(String staffNo, String name, String certificateNo) {
    }

    public java.util.Map<String, InspectorCard> cards(java.util.Collection<String> staffNos) {
        java.util.Map<String, InspectorCard> result = new java.util.HashMap<>();
        jdbc.query("select staff_no, name, certificate_no from spotcheck.inspector where staff_no = any(?)",
                rs -> {
                    result.put(rs.getString(1), new InspectorCard(rs.getString(1), rs.getString(2), rs.getString(3)));
                }, (Object) staffNos.toArray(String[]::new));
        return result;
    }

    /** The recusals in force on {@code day} for any of {@code targetIds}, for the draw. */
    public List<RecusalView> recusalsInForce(LocalDate day, java.util.Collection<Long> targetIds) {
        return jdbc.query("""
                select id, inspector_id, target_id, relation, reason, valid_from, valid_to, declared_by, declared_at
                from spotcheck.recusal where valid_from <= ? and (valid_to is null or valid_to >= ?) and target_id = any(?)""",
                (rs, i) -> new RecusalView(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getString(8),
                        rs.getTimestamp(9).toInstant()),
                java.sql.Date.valueOf(day), java.sql.Date.valueOf(day), targetIds.toArray(Long[]::new));
    }

    private static ApiException notFound(long id) {
        return ApiException.notFound("检查人员 " + id + " 不存在");
    }
}
