package cn.spotcheck.disclosure;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import cn.spotcheck.catalog.InspectorDirectory;
import cn.spotcheck.catalog.ItemList;
import cn.spotcheck.catalog.ItemView;
import cn.spotcheck.documents.Documents;
import cn.spotcheck.documents.IssuedDocument;
import cn.spotcheck.draw.DrawVerification;
import cn.spotcheck.draw.DrawView;
import cn.spotcheck.draw.PublishedDraws;
import cn.spotcheck.plan.AnnualPlans;
import cn.spotcheck.plan.PlanView;
import cn.spotcheck.system.ApiException;

/** The public site (一公开): plans, draws and results, readable by anyone without logging in. */
@Controller
class PublicSiteController {

    private static final int SEARCH_MAX_LENGTH = 100;
    static final int PAGE_SIZE = 50;
    static final int LAST_PAGE = 20;

    private final AnnualPlans plans;
    private final PublishedDraws draws;
    private final PublicResults results;
    private final ItemList items;
    private final InspectorDirectory inspectors;
    private final ResultPublicityNotice notices;
    private final Documents documents;

    PublicSiteController(AnnualPlans plans, PublishedDraws draws, PublicResults results, ItemList items,
                         InspectorDirectory inspectors, ResultPublicityNotice notices, Documents documents) {
        this.plans = plans;
        this.draws = draws;
        this.results = results;
        this.items = items;
        this.inspectors = inspectors;
        this.notices = notices;
        this.documents = documents;
    }

    @GetMapping({"/public", "/public/"})
    String index(Model model) {
        model.addAttribute("plans", plans.published());
        model.addAttribute("itemNames", ShownNames.items(items.current()));
        model.addAttribute("draws", draws.recent(20));
        model.addAttribute("results", results.latest(20));
        return "public/index";
    }

    /** 抽查事项清单: the list in force, or as it stood at an earlier version, and the list of versions. */
    @GetMapping("/public/items")
    String items(@RequestParam(name = "version", required = false) Integer version, Model model) {
        int current = items.currentVersion();
        boolean earlier = version != null && version != current;
        model.addAttribute("items", (earlier ? items.at(version) : items.current()).stream().filter(ItemView::active).toList());
        model.addAttribute("version", earlier ? version : current);
        model.addAttribute("current", current);
        model.addAttribute("versions", items.versions());
        return "public/items";
    }

    /**
     * 检查结果查询: newest first, {@value #PAGE_SIZE} a page, up to {@value #LAST_PAGE} pages; a term the indexes cannot
     * read, or a page out of range, is refused with what to do instead.
     */
    @GetMapping("/public/results")
    String results(@RequestParam(name = "q", required = false) String q, @RequestParam(name = "page", required = false) String page,
                   Model model, HttpServletResponse response) {
        model.addAttribute("q", q);
        String term = q == null ? "" : q.strip();
        int length = term.codePointCount(0, term.length());
        int pageNo = page == null ? 1 : page.matches("\\d{1,3}") ? Integer.parseInt(page) : -1;
        String refusal = length == 1 ? "请至少输入企业名称中的两个字，或完整的统一社会信用代码。"
                : length > SEARCH_MAX_LENGTH ? "查询内容不能超过 " + SEARCH_MAX_LENGTH + " 个字。"
                : pageNo < 1 || pageNo > LAST_PAGE ? "页码应为 1 到 " + LAST_PAGE + " 之间的整数；要找更早的结果，请输入更完整的企业名称。" : null;
        if (refusal != null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        List<PublicResults.Result> found = length == 0 || refusal != null ? List.of() : results.search(term, PAGE_SIZE + 1, (pageNo - 1) * PAGE_SIZE);
        model.addAttribute("refusal", refusal);
        model.addAttribute("results", found.size() > PAGE_SIZE ? found.subList(0, PAGE_SIZE) : found);
        model.addAttribute("page", pageNo);
        model.addAttribute("hasNext", found.size() > PAGE_SIZE && pageNo < LAST_PAGE);
        model.addAttribute("lastPage", pageNo == LAST_PAGE && found.size() > PAGE_SIZE);
        return "public/results";
    }

    /** A published plan, its current version first, each adjusted version with what it changed. */
    @GetMapping("/public/plans/{id}")
    String plan(@PathVariable("id") long id, Model model) {
        List<PlanView> versions = plans.publishedVersions(id);
        ShownNames itemNames = ShownNames.items(items.current());
        model.addAttribute("versions", versions);
        model.addAttribute("itemNames", itemNames);
        model.addAttribute("adjustments", java.util.stream.IntStream.range(0, versions.size())
                .mapToObj(i -> i + 1 < versions.size() ? PlanAdjustments.between(versions.get(i + 1), versions.get(i), itemNames) : List.<String>of())
                .toList());
        model.addAttribute("targeted", versions.isEmpty() ? List.of()
                : plans.get(id).tasks().stream().filter(cn.spotcheck.plan.TaskView::targeted).toList());
        return "public/plan";
    }

    @GetMapping("/public/draws/{id}")
    String draw(@PathVariable("id") long id, Model model) {
        DrawView draw = draws.published(id);
        model.addAttribute("draw", draw);
        model.addAttribute("resultNotices", draw.tasks().stream().map(t -> notices.of(t.id())).flatMap(Optional::stream).toList());
        DrawVerification.Checked checked = draws.verify(id);
        model.addAttribute("verification", checked.verification());
        model.addAttribute("verifiedAt", checked.at());
        model.addAttribute("inspectorNames", ShownNames.inspectors(inspectors.all()));
        model.addAttribute("itemNames", ShownNames.items(items.current()));
        return "public/draw";
    }

    /** A public notice as issued (抽查结果公示); no other document is public, nor one superseded. */
    @GetMapping(value = "/public/notices/{id}", produces = "text/html;charset=UTF-8")
    @ResponseBody
    String notice(@PathVariable("id") long id) {
        IssuedDocument document = documents.get(id);
        if (!ResultPublicityNotice.KIND.equals(document.kind()) || document.supersededBy() != null) {
            throw ApiException.notFound("公示文书 " + id + " 不存在");
        }
        return document.html();
    }
}
