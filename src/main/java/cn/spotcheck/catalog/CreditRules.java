package cn.spotcheck.catalog;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How results move a target's credit level ({@code spotcheck.credit.*}): levels a published finding lowers it by,
 * the period after which a finding put right is repaired (信用修复, one level back), the tag a target under 重点监管
 * carries while at C or D, and when repeated findings raise a warning (预警: so many within the window).
 */
@ConfigurationProperties(prefix = "spotcheck.credit")
public record CreditRules(Integer levelsPerFinding, Period repairAfter, String keySupervisionTag, Integer warningFindings,
                          Period warningWindow) {

    public CreditRules {
        levelsPerFinding = levelsPerFinding == null || levelsPerFinding < 0 ? 1 : levelsPerFinding;
        repairAfter = repairAfter == null || repairAfter.isNegative() ? Period.ofMonths(6) : repairAfter;
        keySupervisionTag = keySupervisionTag == null || keySupervisionTag.isBlank() ? "重点监管" : keySupervisionTag.strip();
        warningFindings = warningFindings == null || warningFindings < 1 ? 2 : warningFindings;
        warningWindow = warningWindow == null || warningWindow.isNegative() ? Period.ofMonths(12) : warningWindow;
    }
}
