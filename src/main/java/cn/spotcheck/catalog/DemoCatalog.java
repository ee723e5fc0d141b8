package cn.spotcheck.catalog;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.spotcheck.calendar.BureauTime;

/**
 * The demo profile's 一单两库: the transport sector's real item list with its legal bases, a city directory of
 * several thousand targets (generated from a fixed seed, so every start produces the same city) across every
 * category including 两客一危, and the inspectors behind the demo inspectors zf001…zf040. Adds only what is missing.
 */
@Component
@Profile("demo")
class DemoCatalog {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);

    private final ItemList items;
    private final TargetDirectory targets;
    private final TargetImport targetImport;
    private final InspectorDirectory inspectors;
    private final IdentityService identityService;

    DemoCatalog(ItemList items, TargetDirectory targets, TargetImport targetImport, InspectorDirectory inspectors,
                IdentityService identityService) {
        this.items = items;
        this.targets = targets;
        this.targetImport = targetImport;
        this.inspectors = inspectors;
        this.identityService = identityService;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(30)
    void seed() {
        for (ItemInput item : DemoItems.ALL) {
            if (items.byCode(item.code()).isEmpty()) {
                items.create(item);
            }
        }
        if (targets.search(new TargetQuery(null, null, null, null, null, null, 0, 1, null)).totalElements() == 0) {
            byte[] csv = DemoDirectory.targetsCsv(new Random(2026)).getBytes(StandardCharsets.UTF_8);
            ImportReport report = targetImport.run("demo-targets.csv", new ByteArrayInputStream(csv));
            log.info("演示检查对象已导入：{} 户", report.imported());
        }
        seedInspectors();
    }

    private void seedInspectors() {
        LocalDate today = BureauTime.today();
        Random random = new Random(40);
        for (int i = 1; i <= 44; i++) {
            String staffNo = String.format("zf%03d", i);
            if (inspectors.findByStaffNo(staffNo).isPresent()) {
                continue;
            }
            User user = identityService.createUserQuery().userId(staffNo).singleResult();
            String department = departmentOf(staffNo);
            String name = user != null ? (user.getFirstName() + user.getLastName()).trim() : DemoDirectory.personName(random);
            String status = switch (i) {
                case 41 -> "退休";
                case 42 -> "离岗";
                case 43 -> "暂停";
                default -> "在岗";
            };
            // Two inspectors' certificates have lapsed: the directory must say they cannot be drawn, and why.
            LocalDate validUntil = i == 7 || i == 19 ? today.minusDays(30 + i) : today.plusYears(1 + i % 4).withDayOfMonth(1);
            inspectors.create(new InspectorInput(staffNo, name, department, i % 5 == 0 ? "科长" : "执法员",
                    "22" + String.format("%010d", 1000000 + i * 7919L), validUntil.toString(), String.valueOf(2 + i % 15),
                    DemoDirectory.expertiseOf(department), status));
        }
        if (inspectors.recusals(inspectors.findByStaffNo("zf003").orElseThrow().id()).isEmpty()) {
            declare("zf003", 5, "近亲属", "配偶在该企业任财务负责人");
            declare("zf010", 12, "曾任职", "2022 年前曾在该企业任职");
            declare("zf021", 30, "利益申报", "本人亲属持有该企业股份");
            declare("zf021", 31, "当事人申请", "当事人以曾有纠纷为由申请回避");
        }
    }

    private void declare(String staffNo, long targetOrdinal, String relation, String reason) {
        long inspectorId = inspectors.findByStaffNo(staffNo).orElseThrow().id();
        var page = targets.search(new TargetQuery(null, null, null, null, null, null, (int) targetOrdinal, 1, null));
        if (!page.content().isEmpty()) {
            inspectors.declareRecusal(inspectorId, new RecusalInput(page.content().get(0).id(), relation, reason, null, null));
        }
    }

    private String departmentOf(String userId) {
        List<Group> groups = identityService.createGroupQuery().groupMember(userId).groupType("DEPARTMENT").list();
        if (!groups.isEmpty()) {
            return groups.get(0).getName();
        }
        return "综合执法支队";
    }

    /** The transport sector's spot-check items, each with the provisions it rests on. */
    static final class DemoItems {

        static final List<ItemInput> ALL = List.of(
                item("JT-KY-01", "道路旅客运输经营者经营资质及经营条件检查", "GENERAL", List.of("公路客运"),
                        "《中华人民共和国道路运输条例》第八条、第十条；《道路旅客运输及客运站管理规定》第十二条", "道路客运"),
                item("JT-KY-02", "客运班线经营行为及安全管理检查", "KEY", List.of("客运班线"),
                        "《中华人民共和国道路运输条例》第十六条、第七十条；《道路旅客运输及客运站管理规定》第三十三条、第九十四条", "道路客运"),
                item("JT-KY-03", "旅游客运包车经营行为及包车客运标志牌检查", "KEY", List.of("旅游客运包车"),
                        "《中华人民共和国道路运输条例》第十七条；《道路旅客运输及客运站管理规定》第四十七条、第五十二条", "道路客运"),
                item("JT-KY-04", "道路客运企业安全生产主体责任落实情况检查", "GENERAL", List.of("公路客运", "客运班线", "旅游客运包车"),
                        "《中华人民共和国安全生产法》第二十一条；《道路运输车辆动态监督管理办法》第二十二条", "安全生产"),
                item("JT-HY-01", "道路货物运输经营者经营资质检查", "GENERAL", List.of("公路货运"),
                        "《中华人民共和国道路运输条例》第二十一条、第二十四条；《道路货物运输及站场管理规定》第六条", "道路货运"),
                item("JT-HY-02", "道路货运车辆技术管理情况检查", "GENERAL", List.of("公路货运"),
                        "《中华人民共和国道路运输条例》第三十条；《道路运输车辆技术管理规定》第八条、第十八条", "道路货运"),
                item("JT-HY-03", "货运源头单位超限超载治理情况检查", "GENERAL", List.of("公路货运"),
                        "《公路安全保护条例》第六十八条；《超限运输车辆行驶公路管理规定》第三十条", "道路货运"),
                item("JT-WH-01", "危险货物道路运输企业经营资质及安全管理检查", "KEY", List.of("危险货物道路运输"),
                        "《危险化学品安全管理条例》第四十三条；《道路危险货物运输管理规定》第八条、第二十二条", "危险货物运输"),
                item("JT-WH-02", "危险货物运输车辆、驾驶人员及押运人员从业资格检查", "KEY", List.of("危险货物道路运输"),
                        "《道路危险货物运输管理规定》第二十七条、第二十九条；《危险货物道路运输安全管理办法》第三十八条", "危险货物运输"),
                item("JT-CZ-01", "巡游出租汽车经营服务行为检查", "GENERAL", List.of("出租"),
                        "《巡游出租汽车经营服务管理规定》第二十二条、第四十五条", "出租汽车"),
                item("JT-CZ-02", "网络预约出租汽车经营服务检查", "GENERAL", List.of("出租"),
                        "《网络预约出租汽车经营服务管理暂行办法》第十六条、第三十五条", "出租汽车"),
                item("JT-GJ-01", "城市公共汽电车客运运营服务及安全管理检查", "GENERAL", List.of("公交"),
                        "《城市公共汽车和电车客运管理规定》第二十九条、第四十三条", "城市公交"),
                item("JT-WX-01", "机动车维修经营者备案及经营行为检查", "GENERAL", List.of("机动车维修"),
                        "《中华人民共和国道路运输条例》第三十七条；《机动车维修管理规定》第十条、第五十一条", "机动车维修"),
                item("JT-WX-02", "机动车维修质量管理及竣工出厂合格证使用检查", "GENERAL", List.of("机动车维修"),
                        "《机动车维修管理规定》第三十五条、第三十八条", "机动车维修"),
                item("JT-JP-01", "机动车驾驶员培训机构备案及经营行为检查", "GENERAL", List.of("驾驶员培训"),
                        "《中华人民共和国道路运输条例》第三十九条；《机动车驾驶员培训管理规定》第十二条", "驾驶员培训"),
                item("JT-JP-02", "驾驶员培训教学质量及培训学时管理检查", "GENERAL", List.of("驾驶员培训"),
                        "《机动车驾驶员培训管理规定》第二十四条、第三十三条", "驾驶员培训"),
                item("JT-SY-01", "国内水路运输经营者经营资质检查", "GENERAL", List.of("水路运输"),
                        "《国内水路运输管理条例》第七条、第三十三条；《国内水路运输管理规定》第七条", "水路运输"),
                item("JT-SY-02", "船舶安全配员及船员适任情况检查", "GENERAL", List.of("水路运输"),
                        "《中华人民共和国内河交通安全管理条例》第九条、第十条", "水路运输"),
                item("JT-GT-01", "道路运输个体经营者经营资质检查", "GENERAL", List.of("行业个体经营者"),
                        "《中华人民共和国道路运输条例》第二十四条、第六十三条", "道路货运"));

        private static ItemInput item(String code, String name, String type, List<String> categories, String basis, String expertise) {
            return new ItemInput(code, name, type, categories, basis, departmentFor(expertise), List.of(expertise),
                    "KEY".equals(type) ? BigDecimal.ONE : new BigDecimal("0.05"), true);
        }

        private static String departmentFor(String expertise) {
            return Map.of("道路客运", "运输管理科", "道路货运", "运输管理科", "危险货物运输", "安全监督科", "安全生产", "安全监督科",
                    "出租汽车", "运输管理科", "城市公交", "运输管理科", "机动车维修", "公路管理科", "驾驶员培训", "公路管理科",
                    "水路运输", "港航管理科").get(expertise);
        }

        private DemoItems() {
        }
    }
}
