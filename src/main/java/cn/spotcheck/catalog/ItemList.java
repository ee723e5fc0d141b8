package cn.spotcheck.catalog;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.identity.CurrentUser;
import cn.spotcheck.system.ApiException;
import cn.spotcheck.system.FieldMessage;

/**
 * 随机抽查事项清单 (清单之外无检查). Every change makes a new version of the whole list, so that a plan approved
 * with version n reads the items exactly as they were approved, whatever changed since.
 */
@Service
public class ItemList {

    static final BigDecimal MIN_GENERAL_RATIO = new BigDecimal("0.03");
    static final BigDecimal MAX_GENERAL_RATIO = new BigDecimal("0.20");

    private final ItemRepository repository;
    private final CatalogVocabulary vocabulary;
    private final CatalogHistory history;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    ItemList(ItemRepository repository, CatalogVocabulary vocabulary, CatalogHistory history, JdbcTemplate jdbc, ObjectMapper json) {
        this.repository = repository;
        this.vocabulary = vocabulary;
        this.history = history;
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional
    public ItemView create(ItemInput input) {
        ItemView data = validate(input, true);
        repository.findByCode(data.code()).ifPresent(existing -> {
            throw ApiException.conflict("code", "事项编码 " + data.code() + " 已存在");
        });
        InspectionItem item = repository.saveAndFlush(new InspectionItem(data, BureauTime.now()));
        history.record(Register.ITEM, item.getId(), CatalogHistory.CREATED, null, item.view().snapshot());
        newVersion("新增事项 " + data.code() + " " + data.name());
        return item.view();
    }

    @Transactional
    public ItemView update(long id, ItemInput input) {
        InspectionItem item = repository.findById(id).orElseThrow(() -> notFound(id));
        ItemView data = validate(input, input.jointCheckable() == null || input.jointCheckable());
        repository.findByCode(data.code()).filter(other -> !other.getId().equals(id)).ifPresent(other -> {
            throw ApiException.conflict("code", "事项编码 " + data.code() + " 已存在");
        });
        var before = item.view().snapshot();
        item.apply(data, BureauTime.now());
        repository.saveAndFlush(item);
        if (history.record(Register.ITEM, id, CatalogHistory.UPDATED, before, item.view().snapshot())) {
            newVersion("修改事项 " + data.code() + " " + data.name());
        }
        return item.view();
    }

    public List<ItemView> current() {
        return repository.findAllByOrderByCode().stream().map(InspectionItem::view).toList();
    }

    public ItemView get(long id) {
        return repository.findById(id).map(InspectionItem::view).orElseThrow(() -> notFound(id));
    }

    public Optional<ItemView> byCode(String code) {
        return repository.findByCode(code).map(InspectionItem::view);
    }

    public List<HistoryEntry> history(long id) {
        get(id);
        return history.of(Register.ITEM, id);
    }

    /** The version a plan approved today would point at; 0 while the list is empty. */
    public int currentVersion() {
        Integer v = jdbc.queryForObject("select max(version) from spotcheck.item_list_version", Integer.class);
        return v == null ? 0 : v;
    }

    /** The whole list as it was at {@code version}. */
    public List<ItemView> at(int version) {
        List<String> snapshots = jdbc.queryForList("select snapshot::text from spotcheck.item_list_version where version = ?",
                String.class, version);
        if (snapshots.isEmpty()) {
            throw ApiException.notFound("事项清单第 " + version + " 版不存在");
        }
        try {
            return json.readValue(snapshots.get(0), new TypeReference<List<ItemView>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<ItemListVersion> versions() {
        return jdbc.query("select version, created_at, created_by, summary from spotcheck.item_list_version order by version desc",
                (rs, i) -> new ItemListVersion(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4)));
    }

    private void newVersion(String summary) {
        jdbc.execute("lock table spotcheck.item_list_version in exclusive mode");
        try {
            jdbc.update("insert into spotcheck.item_list_version (version, created_at, created_by, summary, snapshot) "
                            + "values ((select coalesce(max(version), 0) + 1 from spotcheck.item_list_version), ?, ?, ?, ?::jsonb)",
                    Timestamp.from(BureauTime.now()), CurrentUser.id(), summary, json.writeValueAsString(current()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ItemView validate(ItemInput in, boolean jointCheckable) {
        List<FieldMessage> errors = new ArrayList<>();
        String code = TargetRules.required(in.code(), "code", "事项编码", 32, errors);
        if (code != null && !code.matches("[A-Za-z0-9._-]+")) {
            errors.add(new FieldMessage("code", "事项编码只能由字母、数字、点、下划线和连字符组成：" + code));
        }
        String name = TargetRules.required(in.name(), "name", "事项名称", 200, errors);
        ItemType type = null;
        if (TargetRules.trim(in.type()) == null) {
            errors.add(new FieldMessage("type", "事项类型不能为空（GENERAL 一般 / KEY 重点）"));
        } else {
            try {
                type = ItemType.valueOf(in.type().trim().toUpperCase());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldMessage("type", "事项类型应为 GENERAL（一般）或 KEY（重点）：" + in.type()));
            }
        }
        Set<String> known = new LinkedHashSet<>(vocabulary.categories());
        List<String> categories = new ArrayList<>();
        for (String c : in.categories() == null ? List.<String>of() : in.categories()) {
            String t = TargetRules.trim(c);
            if (t != null && !known.contains(t)) {
                errors.add(new FieldMessage("categories", "检查对象类别“" + t + "”不在名录中，可选：" + CatalogVocabulary.joined(known)));
            } else if (t != null && !categories.contains(t)) {
                categories.add(t);
            }
        }
        if (categories.isEmpty() && errors.stream().noneMatch(e -> e.field().equals("categories"))) {
            errors.add(new FieldMessage("categories", "至少选择一个适用的检查对象类别"));
        }
        String legalBasis = TargetRules.required(in.legalBasis(), "legalBasis", "检查依据", 4000, errors);
        String department = TargetRules.required(in.department(), "department", "实施部门", 100, errors);
        List<String> expertise = new ArrayList<>();
        for (String e : in.expertise() == null ? List.<String>of() : in.expertise()) {
            String t = TargetRules.trim(e);
            if (t != null && !expertise.contains(t)) {
                expertise.add(t);
            }
        }
        BigDecimal ratio = in.defaultRatio();
        if (ratio != null && type == ItemType.GENERAL
                && (ratio.compareTo(MIN_GENERAL_RATIO) < 0 || ratio.compareTo(MAX_GENERAL_RATIO) > 0)) {
            errors.add(new FieldMessage("defaultRatio", "一般检查事项的抽查比例应在 3% 到 20% 之间"));
        }
        if (ratio != null && type == ItemType.KEY && ratio.compareTo(BigDecimal.ONE) != 0) {
            errors.add(new FieldMessage("defaultRatio", "重点检查事项应全覆盖（比例 100%）"));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, errors.get(0).message(), errors);
        }
        if (ratio == null) {
            ratio = type == ItemType.KEY ? BigDecimal.ONE : MIN_GENERAL_RATIO;
        }
        return new ItemView(0, code, name, type, categories, legalBasis, department, expertise, ratio, jointCheckable, true);
    }

    private static ApiException notFound(long id) {
        return ApiException.notFound("检查事项 " + id + " 不存在");
    }
}
