package cn.spotcheck.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Generates a believable city directory of targets, the same one for the same seed. */
final class DemoDirectory {

    /** Districts of 长春市 with their administrative division codes (the USCC's characters 3–8). */
    private static final Map<String, String> REGIONS = new LinkedHashMap<>();
    private static final Map<String, Integer> CATEGORY_COUNTS = new LinkedHashMap<>();
    private static final Map<String, String> SUFFIX = Map.ofEntries(
            Map.entry("公路客运", "客运有限公司"), Map.entry("公路货运", "物流有限公司"), Map.entry("水路运输", "航运有限公司"),
            Map.entry("公交", "公共交通有限公司"), Map.entry("出租", "出租汽车有限公司"), Map.entry("机动车维修", "汽车维修有限公司"),
            Map.entry("驾驶员培训", "机动车驾驶员培训学校"), Map.entry("行业个体经营者", "货运部"),
            Map.entry("旅游客运包车", "旅游客运有限公司"), Map.entry("客运班线", "客运集团有限公司"),
            Map.entry("危险货物道路运输", "危险货物运输有限公司"));
    private static final String[] WORDS = {"顺达", "通达", "宏运", "吉通", "长运", "兴盛", "恒通", "安达", "鑫源", "华宇",
            "东方", "金桥", "北方", "远航", "汇通", "德隆", "瑞丰", "永安", "泰和", "天成", "万里", "佳程", "众诚", "广源",
            "祥和", "盛达", "运昌", "新程", "骏马", "畅行"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭"};
    private static final String[] GIVEN = {"建国", "海峰", "丽华", "志强", "秀英", "国庆", "春雨", "桂芝", "德明", "淑珍", "宏伟", "晓东"};
    private static final String[] STREETS = {"人民大街", "自由大路", "亚泰大街", "解放大路", "卫星路", "普阳街", "临河街", "东盛大街"};
    private static final String[] EXTRA_TAGS = {"新设立", "投诉较多", "曾发生事故", "跨区域经营", "信用修复中", "重点监管"};

    static {
        REGIONS.put("南关区", "220102");
        REGIONS.put("宽城区", "220103");
        REGIONS.put("朝阳区", "220104");
        REGIONS.put("二道区", "220105");
        REGIONS.put("绿园区", "220106");
        REGIONS.put("双阳区", "220112");
        REGIONS.put("九台区", "220113");
        REGIONS.put("农安县", "220122");
        REGIONS.put("榆树市", "220182");
        REGIONS.put("德惠市", "220183");
        REGIONS.put("公主岭市", "220184");
        CATEGORY_COUNTS.put("公路货运", 1500);
        CATEGORY_COUNTS.put("机动车维修", 1000);
        CATEGORY_COUNTS.put("行业个体经营者", 600);
        CATEGORY_COUNTS.put("出租", 500);
        CATEGORY_COUNTS.put("公路客运", 300);
        CATEGORY_COUNTS.put("驾驶员培训", 200);
        CATEGORY_COUNTS.put("水路运输", 150);
        CATEGORY_COUNTS.put("危险货物道路运输", 150);
        CATEGORY_COUNTS.put("旅游客运包车", 120);
        CATEGORY_COUNTS.put("客运班线", 100);
        CATEGORY_COUNTS.put("公交", 50);
    }

    private DemoDirectory() {
    }

    /** The directory as the bureau's spreadsheet, header row included. */
    static String targetsCsv(Random random) {
        StringBuilder csv = new StringBuilder("统一社会信用代码,名称,类别,区域,信用等级,标注,经营状态,其他登记号,地址,法定代表人\n");
        List<String> regions = List.copyOf(REGIONS.keySet());
        int serial = 0;
        for (var entry : CATEGORY_COUNTS.entrySet()) {
            String category = entry.getKey();
            for (int i = 0; i < entry.getValue(); i++) {
                serial++;
                String region = regions.get(random.nextInt(regions.size()));
                boolean individual = "行业个体经营者".equals(category);
                String person = personName(random);
                String name = individual
                        ? region.substring(0, region.length() - 1) + person + WORDS[random.nextInt(WORDS.length)] + SUFFIX.get(category)
                        : "长春" + WORDS[random.nextInt(WORDS.length)] + WORDS[random.nextInt(WORDS.length)] + SUFFIX.get(category);
                String uscc = "";
                String registrationNo = "";
                if (individual && random.nextInt(10) == 0) {
                    registrationNo = REGIONS.get(region) + String.format("%09d", 600000000 + serial);
                } else {
                    uscc = uscc(individual ? "92" : "91", REGIONS.get(region), serial);
                }
                int credit = random.nextInt(100);
                String level = credit < 20 ? "A" : credit < 85 ? "B" : credit < 97 ? "C" : "D";
                StringBuilder tags = new StringBuilder();
                if (List.of("旅游客运包车", "客运班线", "危险货物道路运输").contains(category)) {
                    tags.append("两客一危");
                }
                if ("危险货物道路运输".equals(category)) {
                    tags.append("、危化品");
                }
                if (individual) {
                    tags.append(tags.isEmpty() ? "" : "、").append("个体工商户");
                }
                if (random.nextInt(8) == 0) {
                    tags.append(tags.isEmpty() ? "" : "、").append(EXTRA_TAGS[random.nextInt(EXTRA_TAGS.length)]);
                }
                int s = random.nextInt(100);
                String status = s < 94 ? "在营" : s < 97 ? "停业" : "注销";
                String address = "长春市" + region + STREETS[random.nextInt(STREETS.length)] + (1 + random.nextInt(3000)) + "号";
                csv.append(uscc).append(',').append(name).append(',').append(category).append(',').append(region).append(',')
                        .append(level).append(',').append(tags).append(',').append(status).append(',').append(registrationNo)
                        .append(',').append(address).append(',').append(person).append('\n');
            }
        }
        return csv.toString();
    }

    static String personName(Random random) {
        return SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
    }

    /** A valid USCC: authority and type, division code, an organisation code with its check, the final check. */
    static String uscc(String authorityAndType, String division, int serial) {
        String org8 = String.format("%08d", (serial * 7919L + 10_000_000L) % 100_000_000L);
        String first17 = authorityAndType + division + org8 + CreditCode.organisationCheck(org8);
        return first17 + CreditCode.checkCharacter(first17);
    }

    static List<String> expertiseOf(String department) {
        return switch (department) {
            case "运输管理科" -> List.of("道路客运", "道路货运", "出租汽车", "城市公交");
            case "综合执法支队" -> List.of("道路货运", "危险货物运输", "安全生产", "道路客运");
            case "公路管理科" -> List.of("道路货运", "机动车维修", "驾驶员培训");
            case "港航管理科" -> List.of("水路运输", "安全生产");
            default -> List.of("危险货物运输", "安全生产", "道路客运", "机动车维修");
        };
    }
}
