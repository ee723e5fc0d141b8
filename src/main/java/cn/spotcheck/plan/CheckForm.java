package cn.spotcheck.plan;

import java.util.Arrays;
import java.util.Optional;

/** The five forms a task may take (抽查形式), numbered as the bureau's implementation plan numbers them. */
enum CheckForm {
    PROVINCIAL_SEGMENTED("1", "省厅计划分段式抽查"),
    SECTOR_OWN("2", "本行业按事项清单抽查"),
    SECTOR_SEGMENTED("3", "本行业分段式抽查"),
    JOINT_TRANSPORT("4", "交通运输系统内联合抽查"),
    JOINT_CITY("5", "与市直部门联合抽查");

    private final String number;
    private final String displayName;

    CheckForm(String number, String displayName) {
        this.number = number;
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    public boolean joint() {
        return this == JOINT_TRANSPORT || this == JOINT_CITY;
    }

    /** By code, number (1–5) or Chinese name. */
    static Optional<CheckForm> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        return Arrays.stream(values())
                .filter(f -> f.name().equalsIgnoreCase(v) || f.number.equals(v) || f.displayName.equals(v))
                .findFirst();
    }

    static String describe() {
        return String.join("、", Arrays.stream(values()).map(f -> f.number + " " + f.name() + "（" + f.displayName + "）").toList());
    }
}
