package cn.spotcheck.audit;

import java.util.List;
import java.util.regex.Pattern;

/** What a state-changing request does, in the words the supervision group reads, from its method and path. */
final class AuditActions {

    private record Action(Pattern call, String label) {
    }

    private static final String ENGINE = "(?:/engine-rest|/camunda/api/engine/engine/[^/]+)";

    private static final List<Action> ACTIONS = List.of(
            action("POST", "/(api/targets|catalog/targets/new)", "新增检查对象"),
            action("PUT|POST", "/(api|catalog)/targets/\\d+", "修改检查对象"),
            action("POST", "/api/targets/import", "导入检查对象名录"),
            action("POST", "/catalog/import", "导入名录"),
            action("POST", "/api/inspectors", "新增执法检查人员"),
            action("POST", "/api/inspectors/import", "导入执法检查人员名录"),
            action("POST", "/(api|catalog)/inspectors/\\d+/recusals", "登记回避"),
            action("PUT|POST", "/(api|catalog)/inspectors/\\d+", "修改执法检查人员"),
            action("POST", "/api/items", "新增检查事项"),
            action("PUT|POST", "/(api|catalog)/items/\\d+", "修改检查事项"),
            action("POST", "/(api/)?plans", "新建年度抽查计划"),
            action("POST", "/(api/)?plans/\\d+/tasks", "新增抽查任务"),
            action("POST", "/(api/)?plans/\\d+/submit", "提交计划审核"),
            action("POST", "/(api/)?plans/\\d+/adjust", "调整年度抽查计划"),
            action("POST", "/(api/)?tasks/\\d+/start", "启动双随机抽取"),
            action("POST", "/api/tasks/\\d+/draw/replacements", "替换执法检查人员"),
            action("POST", "/inspections/[^/]+/evidence", "上传证据材料"),
            action("POST", "/(api/)?inspections/[^/]+/corrections", "申请更正检查结果"),
            action("POST", "/publication/deliver", "启动公示报送"),
            action("POST", "/publication/batches/\\d+/confirm", "确认报送表格已上传"),
            action("POST", "/supervision/notices", "发出督办通知"),
            action("POST", "/supervision/reports", "生成督查报告"),
            action("POST", "/warnings/targeted", "预警转为定向抽查"),
            action("POST", "/(api/calendar/holiday-schedules/\\d+|calendar/holidays)", "导入节假日安排"),
            action("POST", ENGINE + "/task/[^/]+/(complete|submit-form)", "办理任务"),
            action("PUT|POST|DELETE", ENGINE + "/task(/.*)?", "修改任务"),
            action("POST", ENGINE + "/deployment/create", "部署流程"),
            action("PUT|POST|DELETE", ENGINE + "/(deployment|process-definition|decision-definition)(/.*)?", "修改流程定义或部署"),
            action("PUT|POST|DELETE", ENGINE + "/(user|group|tenant)(/.*)?", "修改用户或用户组"),
            action("PUT|POST|DELETE", ENGINE + "/authorization(/.*)?", "修改授权"),
            action("PUT|POST|DELETE|PATCH", ENGINE + "/(process-instance|execution|variable-instance)(/.*)?", "修改流程实例或变量"),
            action("PUT|POST|DELETE|PATCH", ENGINE + "/(job|job-definition|incident|external-task|batch)(/.*)?", "处理作业或故障"),
            action("PUT|POST|DELETE|PATCH", ENGINE + "/(message|signal|condition)", "触发流程事件"),
            action("PUT|POST|DELETE|PATCH", ENGINE + "/history(/.*)?", "清理历史数据"));

    /**
     * The engine's queries that are posted (a query too long for a URL): Tasklist posts one for every list it shows.
     * They read; they are not logged.
     */
    private static final Pattern QUERY = Pattern.compile("^POST (" + ENGINE + "/(filter/[^/]+/(list|count)|(task|process-instance|execution"
            + "|variable-instance|job|incident|external-task|history/[^/]+|process-definition|deployment|decision-definition)(/count)?)"
            + "|/camunda/api/(cockpit|tasklist|admin)/plugin/.*)$");

    private AuditActions() {
    }

    static boolean isQuery(String method, String path) {
        return QUERY.matcher(method + " " + path).matches();
    }

    private static Action action(String methods, String path, String label) {
        return new Action(Pattern.compile("^(" + methods + ") " + path + "$"), label);
    }

    static String of(String method, String path) {
        String call = method + " " + path;
        return ACTIONS.stream().filter(a -> a.call().matcher(call).matches()).map(Action::label).findFirst().orElse("其他修改操作");
    }
}
