package cn.spotcheck.identity;

import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;

/**
 * The engine's password policy (口令复杂度) in words: at least 10 characters with a lower-case and an upper-case letter,
 * a digit and a special character, and none of the user's own data (id, names, e-mail). The same words Admin shows
 * beside its password field.
 */
final class PasswordRules {

    private PasswordRules() {
    }

    /** What the password lacks, e.g. "密码不符合要求：至少 10 个字符；至少 1 个数字". */
    static String broken(PasswordPolicyResult result) {
        return "密码不符合要求：" + result.getViolatedRules().stream().map(PasswordRules::words).collect(Collectors.joining("；"));
    }

    private static String words(PasswordPolicyRule rule) {
        Map<String, String> p = rule.getParameters() == null ? Map.of() : rule.getParameters();
        return switch (rule.getPlaceholder()) {
            case "PASSWORD_POLICY_LENGTH" -> "至少 " + p.get("minLength") + " 个字符";
            case "PASSWORD_POLICY_LOWERCASE" -> "至少 " + p.get("minLowerCase") + " 个小写字母";
            case "PASSWORD_POLICY_UPPERCASE" -> "至少 " + p.get("minUpperCase") + " 个大写字母";
            case "PASSWORD_POLICY_DIGIT" -> "至少 " + p.get("minDigit") + " 个数字";
            case "PASSWORD_POLICY_SPECIAL" -> "至少 " + p.get("minSpecial") + " 个特殊字符（如 - _ ! @ #）";
            case "PASSWORD_POLICY_USER_DATA" -> "不得包含用户名、姓名或邮箱";
            default -> "不满足规则 " + rule.getPlaceholder();
        };
    }
}
