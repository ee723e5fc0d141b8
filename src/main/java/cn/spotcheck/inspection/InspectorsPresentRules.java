package cn.spotcheck.inspection;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import cn.spotcheck.identity.TaskCompletionRule;
import cn.spotcheck.system.ApiException;

/**
 * 行政处罚法 art. 42: at least two inspectors at an inspection. The on-site record names two different inspectors of those
 * drawn for it. (Through the engine REST API the contract lets 现场检查 be completed with its date and notes alone;
 * the record then names the drawn team.)
 */
@Component
class InspectorsPresentRules implements TaskCompletionRule {

    private final RuntimeService runtimeService;

    InspectorsPresentRules(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @Override
    public boolean appliesTo(String processDefinitionKey, String taskDefinitionKey) {
        return InspectionProcess.KEY.equals(processDefinitionKey) && InspectionProcess.ON_SITE_INSPECTION.equals(taskDefinitionKey);
    }

    @Override
    public void check(CompletionAttempt attempt) {
        Object first = attempt.submitted().get(InspectionProcess.PRESENT_INSPECTOR_1);
        Object second = attempt.submitted().get(InspectionProcess.PRESENT_INSPECTOR_2);
        if (blank(first) && blank(second)) {
            return;
        }
        List<String> drawn = InspectionProcess.strings(runtimeService.getVariable(attempt.processInstanceId(), InspectionProcess.INSPECTOR_IDS));
        for (var inspector : List.of(new Object[] {InspectionProcess.PRESENT_INSPECTOR_1, first}, new Object[] {InspectionProcess.PRESENT_INSPECTOR_2, second})) {
            String field = (String) inspector[0];
            if (blank(inspector[1])) {
                throw ApiException.badRequest(field, "现场检查须至少两名执法人员到场（《行政处罚法》第四十二条），请选择第二名到场人员");
            }
            if (!drawn.contains(inspector[1].toString())) {
                throw ApiException.badRequest(field, "执法人员 " + inspector[1] + " 不是本次检查抽中的执法人员（" + String.join("、", drawn) + "）");
            }
        }
        if (first.toString().equals(second.toString())) {
            throw ApiException.badRequest(InspectionProcess.PRESENT_INSPECTOR_2, "到场的两名执法人员不能是同一人");
        }
    }

    private static boolean blank(Object value) {
        return value == null || value.toString().isBlank();
    }
}
