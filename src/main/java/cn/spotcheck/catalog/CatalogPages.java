package cn.spotcheck.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.spotcheck.system.ApiException;

/** The staff screens of 一单两库: search, read, edit, import, and each record's history. */
@Controller
@RequestMapping("/catalog")
class CatalogPages {

    private final TargetDirectory targets;
    private final InspectorDirectory inspectors;
    private final ItemList items;
    private final TargetImport targetImport;
    private final InspectorImport inspectorImport;
    private final CatalogVocabulary vocabulary;

    CatalogPages(TargetDirectory targets, InspectorDirectory inspectors, ItemList items, TargetImport targetImport,
                 InspectorImport inspectorImport, CatalogVocabulary vocabulary) {
        this.targets = targets;
        this.inspectors = inspectors;
        this.items = items;
        this.targetImport = targetImport;
        this.inspectorImport = inspectorImport;
        this.vocabulary = vocabulary;
    }

    @ModelAttribute
    void vocabularies(Model model) {
        model.addAttribute("categories", vocabulary.categories());
        model.addAttribute("tagNames", vocabulary.tags());
        model.addAttribute("creditLevels", vocabulary.creditLevels().levels());
        model.addAttribute("operatingStatuses", CatalogVocabulary.OPERATING_STATUSES);
        model.addAttribute("inspectorStatuses", CatalogVocabulary.INSPECTOR_STATUSES);
        model.addAttribute("recusalRelations", CatalogVocabulary.RECUSAL_RELATIONS);
    }

    @GetMapping({"", "/"})
    String index() {
        return "redirect:/catalog/targets";
    }

    // --- targets -------------------------------------------------------------------------------------------

    @GetMapping("/targets")
    String targets(TargetQuery query, Model model) {
        model.addAttribute("query", query);
        model.addAttribute("page", targets.search(query));
        return "catalog/targets";
    }

    @GetMapping("/targets/new")
    String newTarget(Model model) {
        model.addAttribute("target", new TargetInput(null, null, null, null, null, null, null, "B", List.of(), "在营"));
        return "catalog/target-form";
    }

    @PostMapping("/targets/new")
    @PreAuthorize(CatalogApi.MAINTAINERS)
    String createTarget(@ModelAttribute("target") TargetInput input, Model model, RedirectAttributes redirect) {
        try {
            TargetView created = targets.create(input);
            redirect.addFlashAttribute("notice", "已登记：" + created.name());
            return "redirect:/catalog/targets/" + created.id();
        } catch (ApiException e) {
            model.addAttribute("problem", e);
            return "catalog/target-form";
        }
    }

    @GetMapping("/targets/{id}")
    String target(@PathVariable("id") long id, Model model) {
        TargetView view = targets.get(id);
        model.addAttribute("view", view);
        model.addAttribute("target", new TargetInput(view.uscc(), view.registrationNo(), view.name(), view.category(),
                view.region(), view.address(), view.legalRepresentative(), view.creditLevel(), view.tags(), view.status()));
        model.addAttribute("history", targets.history(id));
        return "catalog/target";
    }

    @PostMapping("/targets/{id}")
    @PreAuthorize(CatalogApi.MAINTAINERS)
    String updateTarget(@PathVariable("id") long id, @ModelAttribute("target") TargetInput input, Model model,
                        RedirectAttributes redirect) {
        try {
            targets.update(id, input);
            redirect.addFlashAttribute("notice", "已保存");
            return "redirect:/catalog/targets/" + id;
        } catch (ApiException e) {
            model.addAttribute("problem", e);
            model.addAttribute("view", targets.get(id));
            model.addAttribute("history", targets.history(id));
            return "catalog/target";
        }
    }

    // --- inspectors ----------------------------------------------------------------------------------------

    @GetMapping("/inspectors")
    String inspectors(@RequestParam(name = "q", required = false) String q,
                      @RequestParam(name = "department", required = false) String department,
                      @RequestParam(name = "status", required = false) String status,
                      @RequestParam(name = "page", required = false) Integer page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("department", department);
        model.addAttribute("status", status);
        model.addAttribute("page", inspectors.search(q, department, status, page, 50));
        return "catalog/inspectors";
    }

    @GetMapping("/inspectors/{id}")
    String inspector(@PathVariable("id") long id, Model model) {
        InspectorView view = inspectors.get(id);
        model.addAttribute("view", view);
        model.addAttribute("history", inspectors.history(id));
        model.addAttribute("recusals", inspectors.recusals(id).stream()
                .map(r -> new RecusalLine(r, targets.find(r.targetId()).map(TargetView::name).orElse("（已删除）"))).toList());
        return "catalog/inspector";
    }

    @PostMapping("/inspectors/{id}")
    @PreAuthorize(CatalogApi.MAINTAINERS)
    String updateInspector(@PathVariable("id") long id, InspectorForm form, RedirectAttributes redirect) {
        try {
            inspectors.update(id, form.input());
            redirect.addFlashAttribute("notice", "已保存");
        } catch (ApiException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/catalog/inspectors/" + id;
    }

    /** The inspector form: lists arrive as one text field, separated by 、 or commas. */
    record InspectorForm(String staffNo, String name, String department, String position, String certificateNo,
                         String certificateValidUntil, String enforcementYears, String expertise, String status) {
        InspectorInput input() {
            return new InspectorInput(staffNo, name, department, position, certificateNo, certificateValidUntil,
                    enforcementYears, ImportColumns.splitList(expertise), status);
        }
    }

    @PostMapping("/inspectors/{id}/recusals")
    @PreAuthorize(CatalogApi.MAINTAINERS)
    String declareRecusal(@PathVariable("id") long id, RecusalInput input, RedirectAttributes redirect) {
        try {
            inspectors.declareRecusal(id, input);
            redirect.addFlashAttribute("notice", "已登记回避关系");
        } catch (ApiException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/catalog/inspectors/" + id;
    }

    record RecusalLine(RecusalView recusal, String targetName) {
    }

    // --- items ---------------------------------------------------------------------------------------------

    @GetMapping("/items")
    String items(Model model) {
        model.addAttribute("items", items.current());
        model.addAttribute("versions", items.versions());
        return "catalog/items";
    }

    @PostMapping("/items/{id}")
    @PreAuthorize(CatalogApi.MAINTAINERS)
    String updateItem(@PathVariable("id") long id, ItemForm form, RedirectAttributes redirect) {
        try {
            items.update(id, form.input());
            redirect.addFlashAttribute("notice", "已保存，事项清单已生成新版本");
        } catch (ApiException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/catalog/items/" + id;
    }

    record ItemForm(String code, String name, String type, List<String> categories, String legalBasis, String department,
                    String expertise, java.math.BigDecimal defaultRatio, Boolean jointCheckable) {
        ItemInput input() {
            return new ItemInput(code, name, type, categories, legalBasis, department, ImportColumns.splitList(expertise),
                    defaultRatio, jointCheckable != null && jointCheckable);
        }
    }

    @GetMapping("/items/{id}")
    String item(@PathVariable("id") long id, Model model) {
        model.addAttribute("item", items.get(id));
        model.addAttribute("history", items.history(id));
        return "catalog/item";
    }

    // --- import --------------------------------------------------------------------------------------------

    @GetMapping("/import")
    String importPage() {
        return "catalog/import";
    }

    @PostMapping("/import")
    @PreAuthorize(CatalogApi.MAINTAINERS)
    String importFile(@RequestParam("register") String register, @RequestParam(name = "file", required = false) MultipartFile file,
                      Model model) throws IOException {
        model.addAttribute("register", register);
        if (file == null || file.isEmpty()) {
            model.addAttribute("error", "请选择要导入的 .xlsx 或 .csv 文件");
            return "catalog/import";
        }
        model.addAttribute("fileName", file.getOriginalFilename());
        try (InputStream in = file.getInputStream()) {
            ImportReport report = "inspectors".equals(register)
                    ? inspectorImport.run(file.getOriginalFilename(), in)
                    : targetImport.run(file.getOriginalFilename(), in);
            model.addAttribute("report", report);
        } catch (ApiException e) {
            model.addAttribute("error", e.getMessage());
        }
        return "catalog/import";
    }
}
