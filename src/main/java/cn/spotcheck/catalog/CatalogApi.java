package cn.spotcheck.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import cn.spotcheck.system.ApiException;

/** The REST edges of 一单两库. Anyone logged in reads; 政策法规处 (legal) and administrators change. */
@RestController
@RequestMapping("/api")
class CatalogApi {

    static final String MAINTAINERS = "hasAnyAuthority('legal', 'camunda-admin')";

    private final TargetDirectory targets;
    private final TargetImport targetImport;
    private final InspectorDirectory inspectors;
    private final InspectorImport inspectorImport;
    private final ItemList items;
    private final CatalogVocabulary vocabulary;

    CatalogApi(TargetDirectory targets, TargetImport targetImport, InspectorDirectory inspectors,
               InspectorImport inspectorImport, ItemList items, CatalogVocabulary vocabulary) {
        this.targets = targets;
        this.targetImport = targetImport;
        this.inspectors = inspectors;
        this.inspectorImport = inspectorImport;
        this.items = items;
        this.vocabulary = vocabulary;
    }

    // --- targets -------------------------------------------------------------------------------------------

    @PostMapping("/targets")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(MAINTAINERS)
    TargetView createTarget(@RequestBody TargetInput input) {
        return targets.create(input);
    }

    @GetMapping("/targets")
    PageOf<TargetView> searchTargets(TargetQuery query) {
        return targets.search(query);
    }

    @GetMapping("/targets/{id}")
    TargetView target(@PathVariable("id") long id) {
        return targets.get(id);
    }

    @PutMapping("/targets/{id}")
    @PreAuthorize(MAINTAINERS)
    TargetView updateTarget(@PathVariable("id") long id, @RequestBody TargetInput input) {
        return targets.update(id, input);
    }

    @GetMapping("/targets/{id}/history")
    List<HistoryEntry> targetHistory(@PathVariable("id") long id) {
        return targets.history(id);
    }

    @PostMapping("/targets/import")
    @PreAuthorize(MAINTAINERS)
    ImportReport importTargets(@RequestParam("file") MultipartFile file) throws IOException {
        try (InputStream in = requireFile(file).getInputStream()) {
            return targetImport.run(file.getOriginalFilename(), in);
        }
    }

    @GetMapping("/targets/export")
    ResponseEntity<StreamingResponseBody> exportTargets(TargetQuery query) {
        return SpreadsheetExport.xlsx("检查对象名录.xlsx", "检查对象",
                List.of("统一社会信用代码", "名称", "类别", "区域", "信用等级", "标注", "经营状态", "其他登记号", "地址", "法定代表人"),
                sink -> targets.forEach(query, t -> sink.accept(listOf(t.uscc(), t.name(), t.category(), t.region(),
                        t.creditLevel(), String.join("、", t.tags()), t.status(), t.registrationNo(), t.address(),
                        t.legalRepresentative()))));
    }

    // --- inspectors ----------------------------------------------------------------------------------------

    @PostMapping("/inspectors")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(MAINTAINERS)
    InspectorView createInspector(@RequestBody InspectorInput input) {
        return inspectors.create(input);
    }

    @GetMapping("/inspectors")
    PageOf<InspectorView> searchInspectors(@RequestParam(name = "q", required = false) String q,
                                           @RequestParam(name = "department", required = false) String department,
                                           @RequestParam(name = "status", required = false) String status,
                                           @RequestParam(name = "page", required = false) Integer page,
                                           @RequestParam(name = "size", required = false) Integer size) {
        return inspectors.search(q, department, status, page, size);
    }

    @GetMapping("/inspectors/{id}")
    InspectorView inspector(@PathVariable("id") long id) {
        return inspectors.get(id);
    }

    @PutMapping("/inspectors/{id}")
    @PreAuthorize(MAINTAINERS)
    InspectorView updateInspector(@PathVariable("id") long id, @RequestBody InspectorInput input) {
        return inspectors.update(id, input);
    }

    @GetMapping("/inspectors/{id}/history")
    List<HistoryEntry> inspectorHistory(@PathVariable("id") long id) {
        return inspectors.history(id);
    }

    @PostMapping("/inspectors/{id}/recusals")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(MAINTAINERS)
    RecusalView declareRecusal(@PathVariable("id") long id, @RequestBody RecusalInput input) {
        return inspectors.declareRecusal(id, input);
    }

    @GetMapping("/inspectors/{id}/recusals")
    List<RecusalView> recusals(@PathVariable("id") long id) {
        return inspectors.recusals(id);
    }

    @PostMapping("/inspectors/import")
    @PreAuthorize(MAINTAINERS)
    ImportReport importInspectors(@RequestParam("file") MultipartFile file) throws IOException {
        try (InputStream in = requireFile(file).getInputStream()) {
            return inspectorImport.run(file.getOriginalFilename(), in);
        }
    }

    @GetMapping("/inspectors/export")
    ResponseEntity<StreamingResponseBody> exportInspectors() {
        List<InspectorView> all = inspectors.all();
        return SpreadsheetExport.xlsx("检查人员名录.xlsx", "检查人员",
                List.of("工号", "姓名", "部门", "职务", "执法证号", "执法证有效期至", "执法年限", "专业领域", "状态", "可抽取", "不可抽取原因"),
                sink -> all.forEach(i -> sink.accept(listOf(i.staffNo(), i.name(), i.department(), i.position(),
                        i.certificateNo(), i.certificateValidUntil(), i.enforcementYears(), String.join("、", i.expertise()),
                        i.status(), i.drawable() ? "是" : "否", String.join("；", i.notDrawableReasons())))));
    }

    // --- items ---------------------------------------------------------------------------------------------

    @PostMapping("/items")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(MAINTAINERS)
    ItemView createItem(@RequestBody ItemInput input) {
        return items.create(input);
    }

    @GetMapping("/items")
    List<ItemView> items() {
        return items.current();
    }

    @GetMapping("/items/{id}")
    ItemView item(@PathVariable("id") long id) {
        return items.get(id);
    }

    @PutMapping("/items/{id}")
    @PreAuthorize(MAINTAINERS)
    ItemView updateItem(@PathVariable("id") long id, @RequestBody ItemInput input) {
        return items.update(id, input);
    }

    @GetMapping("/items/{id}/history")
    List<HistoryEntry> itemHistory(@PathVariable("id") long id) {
        return items.history(id);
    }

    @GetMapping("/item-list/versions")
    List<ItemListVersion> itemListVersions() {
        return items.versions();
    }

    @GetMapping("/item-list/versions/{version}")
    List<ItemView> itemListAt(@PathVariable("version") int version) {
        return items.at(version);
    }

    @GetMapping("/catalog/vocabulary")
    Map<String, Object> vocabulary() {
        return Map.of("categories", vocabulary.categories(), "keyCategories", vocabulary.keyCategories(),
                "tags", vocabulary.tags(), "creditLevels", vocabulary.creditLevels().levels(),
                "operatingStatuses", CatalogVocabulary.OPERATING_STATUSES,
                "inspectorStatuses", CatalogVocabulary.INSPECTOR_STATUSES,
                "recusalRelations", CatalogVocabulary.RECUSAL_RELATIONS);
    }

    private static MultipartFile requireFile(MultipartFile file) {
        if (file == null || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()) {
            throw ApiException.badRequest("file", "请选择要导入的 .xlsx 或 .csv 文件");
        }
        if (file.isEmpty()) {
            throw ApiException.badRequest("file", "上传的文件“" + file.getOriginalFilename() + "”是空的");
        }
        return file;
    }

    private static List<Object> listOf(Object... values) {
        List<Object> list = new ArrayList<>(values.length);
        java.util.Collections.addAll(list, values);
        return list;
    }
}
