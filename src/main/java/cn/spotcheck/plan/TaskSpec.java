package cn.spotcheck.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A task's fields once validated. */
record TaskSpec(String name, List<String> itemCodes, List<String> categories, List<String> regions, List<String> tags,
                BigDecimal ratio, int inspectorsPerTarget, LocalDate start, LocalDate end, CheckForm form,
                List<String> departments, boolean joint, String jointGroup) {
}
