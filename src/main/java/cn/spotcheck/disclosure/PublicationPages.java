package cn.spotcheck.disclosure;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.catalog.SpreadsheetExport;
import cn.spotcheck.identity.CurrentUser;
import cn.spotcheck.identity.Roles;
import cn.spotcheck.system.ApiException;

/**
 * 公示报送: what each channel has received and what waits, why a delivery failed, and the file channel's spreadsheets
 * to download, upload by hand and confirm.
 */
@Controller
@RequestMapping("/publication")
@PreAuthorize(PublicationPages.READERS)
class PublicationPages {

    static final String READERS = "hasAnyAuthority('legal', 'supervision', 'camunda-admin')";
    static final String CLERKS = "hasAnyAuthority('legal', 'camunda-admin')";

    /** The spreadsheet's columns: the record's fields as the publicity system names them, then the key. */
    static final List<String> COLUMNS = List.of("检查编号", "统一社会信用代码", "市场主体名称", "抽查事项", "检查结果", "检查完成日期", "检查机关");

    /** One channel as the page shows it. */
    record ChannelRow(String name, String title, boolean file, long pending, long inFile, long delivered,
                      java.time.Instant lastDelivered, String lastError, String incident, String cockpit) {
    }

    private final PublicationChannels channels;
    private final DeliveryStore store;
    private final PublicationDelivery delivery;
    private final RuntimeService runtimeService;
    private final ObjectMapper json;

    PublicationPages(PublicationChannels channels, DeliveryStore store, PublicationDelivery delivery, RuntimeService runtimeService,
                     ObjectMapper json) {
        this.channels = channels;
        this.store = store;
        this.delivery = delivery;
        this.runtimeService = runtimeService;
        this.json = json;
    }

    @GetMapping
    String page(Model model) {
        Map<String, DeliveryStore.ChannelCounts> counts = new LinkedHashMap<>();
        store.counts().forEach(c -> counts.put(c.channel(), c));
        List<ChannelRow> rows = new ArrayList<>();
        for (PublicationChannel channel : channels.all()) {
            DeliveryStore.ChannelCounts c = counts.getOrDefault(channel.name(),
                    new DeliveryStore.ChannelCounts(channel.name(), 0, 0, 0, null, null));
            ProcessInstance run = runtimeService.createProcessInstanceQuery().processDefinitionKey(PublicationDelivery.PROCESS)
                    .processInstanceBusinessKey(channel.name()).list().stream().findFirst().orElse(null);
            Incident incident = run == null ? null
                    : runtimeService.createIncidentQuery().processInstanceId(run.getId()).list().stream().findFirst().orElse(null);
            rows.add(new ChannelRow(channel.name(), channel.title(), !channel.deliveredOnSend(), c.pending(), c.inFile(), c.delivered(),
                    c.lastDelivered(), c.lastError(), incident == null ? null : incident.getIncidentMessage(),
                    incident != null && Roles.current(Roles.ADMIN) ? "/camunda/app/cockpit/default/#/process-instance/" + run.getId() + "/runtime" : null));
        }
        model.addAttribute("channels", rows);
        model.addAttribute("batches", store.batches(50));
        model.addAttribute("clerk", Roles.current(Roles.LEGAL, Roles.ADMIN));
        return "publication/index";
    }

    @PostMapping("/deliver")
    @PreAuthorize(CLERKS)
    String deliverNow(RedirectAttributes redirect) {
        int started = delivery.startWaiting();
        redirect.addFlashAttribute("notice", started == 0 ? "没有需要启动的报送：各渠道或已无待报送的结果，或已在报送中。"
                : "已为 " + started + " 个渠道启动报送，稍后刷新本页查看结果。");
        return "redirect:/publication";
    }

    /** The batch as the spreadsheet a clerk uploads; the first download is recorded, and only then can it be confirmed. */
    @GetMapping("/batches/{id}.xlsx")
    @PreAuthorize(CLERKS)
    ResponseEntity<StreamingResponseBody> download(@PathVariable("id") long id) {
        DeliveryStore.FileBatch batch = store.batch(id).orElseThrow(() -> ApiException.notFound("报送表格 " + id + " 不存在"));
        store.downloaded(id, CurrentUser.id(), BureauTime.now());
        List<String> header = new ArrayList<>(COLUMNS);
        header.add("报送编号");
        return SpreadsheetExport.xlsx("公示结果报送-" + batch.date() + "-" + id + ".xlsx", "抽查结果", header,
                sink -> store.forEachInBatch(id, r -> sink.accept(cells(r))));
    }

    @PostMapping("/batches/{id}/confirm")
    @PreAuthorize(CLERKS)
    String confirm(@PathVariable("id") long id, RedirectAttributes redirect) {
        DeliveryStore.FileBatch batch = store.batch(id).orElseThrow(() -> ApiException.notFound("报送表格 " + id + " 不存在"));
        if (batch.downloadedAt() == null) {
            redirect.addFlashAttribute("error", "请先下载第 " + id + " 号报送表格并上传到公示系统，再确认。");
        } else if (store.confirm(id, CurrentUser.id(), BureauTime.now())) {
            redirect.addFlashAttribute("notice", "已确认第 " + id + " 号报送表格上传完毕：其中 " + batch.records() + " 条结果记为已送达。");
        } else {
            redirect.addFlashAttribute("notice", "第 " + id + " 号报送表格此前已确认。");
        }
        return "redirect:/publication";
    }

    private List<Object> cells(OutboxRecord record) {
        List<Object> cells = new ArrayList<>();
        try {
            JsonNode payload = json.readTree(record.payloadJson());
            for (String column : COLUMNS) {
                JsonNode value = payload.path(column);
                cells.add(value.isArray() ? String.join("、", json.convertValue(value, String[].class))
                        : value.isMissingNode() || value.isNull() ? "" : value.asText());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        cells.add(record.idempotencyKey());
        return cells;
    }
}
