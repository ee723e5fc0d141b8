package cn.spotcheck.inspection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.spotcheck.catalog.CandidateScan;
import cn.spotcheck.catalog.InspectorDirectory;
import cn.spotcheck.catalog.ItemList;
import cn.spotcheck.documents.Documents;
import cn.spotcheck.identity.CurrentUser;
import cn.spotcheck.identity.Roles;
import cn.spotcheck.plan.AnnualPlans;
import cn.spotcheck.system.ApiException;

/**
 * One inspection's whole record on one page: the target, the team, the notice and other documents, the on-site
 * record, the result and its publication, the evidence its inspectors attached, what follows a finding, and where
 * its procedure stands (with Cockpit for administrators). Staff read every record; an inspector reads the records of
 * the inspections they were drawn for, and adds evidence to them until the result is published.
 */
@Controller
@RequestMapping("/inspections")
class InspectionPages {

    /** An open step of the record's procedure and who holds it. */
    record OpenStep(String name, String holder, java.util.Date due) {
    }

    private final Inspections inspections;
    private final EvidenceFiles evidence;
    private final CandidateScan targets;
    private final InspectorDirectory inspectors;
    private final ItemList items;
    private final AnnualPlans plans;
    private final Documents documents;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final List<RecordSection> sections;
    private final ResultCorrections corrections;
    private final ResultCorrectionProcess correctionProcess;

    InspectionPages(Inspections inspections, EvidenceFiles evidence, CandidateScan targets, InspectorDirectory inspectors, ItemList items,
                    AnnualPlans plans, Documents documents, TaskService taskService, IdentityService identityService,
                    List<RecordSection> sections, ResultCorrections corrections, ResultCorrectionProcess correctionProcess) {
        this.corrections = corrections;
        this.correctionProcess = correctionProcess;
        this.inspections = inspections;
        this.evidence = evidence;
        this.targets = targets;
        this.inspectors = inspectors;
        this.items = items;
        this.plans = plans;
        this.documents = documents;
        this.taskService = taskService;
        this.identityService = identityService;
        this.sections = sections;
    }

    @GetMapping("/{code}")
    String inspection(@PathVariable("code") String code, Model model) {
        InspectionView inspection = readable(code);
        model.addAttribute("inspection", inspection);
        java.time.LocalDate today = cn.spotcheck.calendar.BureauTime.today();
        model.addAttribute("publicationLate", inspection.publishedAt() == null && inspection.publicationDueDate() != null
                && inspection.publicationDueDate().isBefore(today));
        model.addAttribute("target", targets.identities(List.of(inspection.targetId())).get(inspection.targetId()));
        model.addAttribute("task", plans.task(inspection.taskId()));
        model.addAttribute("items", inspection.itemCodes().stream()
                .map(c -> items.byCode(c).map(i -> c + " " + i.name() + "（依据：" + i.legalBasis() + "）").orElse(c)).toList());
        var cards = inspectors.cards(inspection.inspectorStaffNos());
        model.addAttribute("team", inspection.inspectorStaffNos().stream()
                .map(s -> Optional.ofNullable(cards.get(s)).map(c -> c.name() + "（执法证号 " + c.certificateNo() + "）").orElse(s)).toList());
        model.addAttribute("present", inspection.presentOfficers().stream()
                .map(s -> Optional.ofNullable(cards.get(s)).map(InspectorDirectory.InspectorCard::name).orElse(s)).toList());
        model.addAttribute("documents", documents.about(code));
        model.addAttribute("evidence", evidence.of(code));
        model.addAttribute("mayAddEvidence", mayAddEvidence(inspection));
        List<ResultCorrections.Correction> requested = corrections.of(code);
        model.addAttribute("corrections", requested);
        model.addAttribute("mayRequestCorrection", inspection.publishedAt() != null && (onTheTeam(inspection) || Roles.current(Roles.LEGAL, Roles.ADMIN))
                && requested.stream().noneMatch(c -> "PENDING".equals(c.status())));
        model.addAttribute("correctionChoices", corrections.choicesFor(inspection.resultCategory()));
        model.addAttribute("sections", sections.stream().map(s -> s.of(inspection)).flatMap(Optional::stream).toList());
        model.addAttribute("steps", openSteps(code, cards));
        if (Roles.current(Roles.ADMIN)) {
            inspections.processInstanceOf(code).ifPresent(id -> model.addAttribute("cockpit",
                    "/camunda/app/cockpit/default/#/process-instance/" + id + "/runtime"));
        }
        return "inspections/inspection";
    }

    @PostMapping("/{code}/evidence")
    String addEvidence(@PathVariable("code") String code, @RequestParam(name = "file", required = false) MultipartFile file,
                       @RequestParam(name = "note", required = false) String note, RedirectAttributes redirect) throws IOException {
        InspectionView inspection = readable(code);
        if (!mayAddEvidence(inspection)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "只有本检查的执法检查人员可以在结果公示前上传证据材料", List.of());
        }
        try {
            EvidenceFiles.EvidenceFile added = evidence.add(code, file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getBytes(), note, CurrentUser.id());
            redirect.addFlashAttribute("notice", "已上传证据材料：" + added.fileName());
        } catch (ApiException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/inspections/" + code + "#evidence";
    }

    @PostMapping("/{code}/corrections")
    String requestCorrection(@PathVariable("code") String code, @RequestParam(name = "resultCategory", required = false) String category,
                             @RequestParam(name = "findings", required = false) String findings,
                             @RequestParam(name = "reason", required = false) String reason, RedirectAttributes redirect) {
        readable(code);
        try {
            correctionProcess.request(code, category, findings, reason);
            redirect.addFlashAttribute("notice", "更正申请已提交，待法规科审核");
        } catch (ApiException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/inspections/" + code + "#corrections";
    }

    @GetMapping("/{code}/evidence/{id}")
    ResponseEntity<byte[]> evidenceFile(@PathVariable("code") String code, @PathVariable("id") long id) {
        readable(code);
        EvidenceFiles.Content content = evidence.content(code, id);
        ContentDisposition disposition = (content.contentType().startsWith("image/") ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(content.fileName(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(content.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'")
                .body(content.bytes());
    }

    /** The record, if the current user may read it: staff always, an inspector only their own inspections. */
    private InspectionView readable(String code) {
        InspectionView inspection = inspections.get(code);
        if (!Roles.current(Roles.LEGAL, Roles.JUSTICE, Roles.SUPERVISION, Roles.ADMIN) && !onTheTeam(inspection)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "该检查不是您参与的检查，您不能查看其记录", List.of());
        }
        return inspection;
    }

    private static boolean onTheTeam(InspectionView inspection) {
        return inspection.inspectorStaffNos().contains(CurrentUser.id());
    }

    /** 谁检查、谁录入: the team adds evidence until the result is public; after that the record is closed to additions. */
    private static boolean mayAddEvidence(InspectionView inspection) {
        return onTheTeam(inspection) && !InspectionStatus.PUBLISHED.name().equals(inspection.status())
                && !InspectionStatus.CLOSED.name().equals(inspection.status());
    }

    /** The open steps and who holds them, the team named from the cards the page already read. */
    private List<OpenStep> openSteps(String code, Map<String, InspectorDirectory.InspectorCard> team) {
        return taskService.createTaskQuery().processInstanceBusinessKey(code).list().stream()
                .sorted(Comparator.comparing(Task::getCreateTime))
                .map(t -> new OpenStep(t.getName(), holder(t, team), t.getDueDate())).toList();
    }

    private String holder(Task task, Map<String, InspectorDirectory.InspectorCard> team) {
        if (task.getAssignee() != null) {
            return person(task.getAssignee(), team) + "（已认领）";
        }
        List<String> candidates = taskService.getIdentityLinksForTask(task.getId()).stream()
                .map(l -> l.getUserId() != null ? person(l.getUserId(), team) : group(l)).filter(java.util.Objects::nonNull).distinct().toList();
        return candidates.isEmpty() ? "—" : String.join("、", candidates) + "（待认领）";
    }

    private static String person(String userId, Map<String, InspectorDirectory.InspectorCard> team) {
        return Optional.ofNullable(team.get(userId)).map(InspectorDirectory.InspectorCard::name).orElse(userId);
    }

    private String group(IdentityLink link) {
        if (link.getGroupId() == null) {
            return null;
        }
        Group group = identityService.createGroupQuery().groupId(link.getGroupId()).singleResult();
        return group == null || group.getName() == null ? link.getGroupId() : group.getName();
    }
}
