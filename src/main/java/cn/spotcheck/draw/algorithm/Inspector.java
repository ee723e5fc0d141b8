package cn.spotcheck.draw.algorithm;

/**
 * An inspector the caller has already found eligible for this task: 在岗, certificate valid through the task's
 * end, expertise covering its items. {@code department} matters only for joint checks (联合抽查).
 */
public record Inspector(long id, String department) {

    public Inspector {
        Codes.require(department, "执法人员 " + id + " 的部门");
    }
}
