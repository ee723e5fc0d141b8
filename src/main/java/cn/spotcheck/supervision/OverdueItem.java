package cn.spotcheck.supervision;

import java.time.LocalDate;
import java.util.List;

/**
 * One overdue matter: which rule it breaks, what it is, who owns it, when it was due and by how many days;
 * {@code inspectors} are the staff numbers of an inspection's team (empty for a plan or a task).
 */
public record OverdueItem(String rule, String ruleName, String reference, String title, String department, LocalDate dueDate,
                          long daysOverdue, List<String> inspectors) {

    static final String PLAN = "plan:";
    static final String TASK = "task:";
    static final String NOTICE = "notice:";

    /** The page of the record behind the item. */
    public String recordPath() {
        return recordPath(reference);
    }

    /**
     * The page of the record a reference names: a plan, a spot-check task, a 督查通报 (the supervision page) or an
     * inspection (a follow-up's is its inspection's).
     */
    static String recordPath(String reference) {
        if (reference.startsWith(PLAN)) {
            return "/plans/" + reference.substring(PLAN.length());
        }
        if (reference.startsWith(TASK)) {
            return "/tasks/" + reference.substring(TASK.length());
        }
        if (reference.startsWith(NOTICE)) {
            return "/supervision#notices";
        }
        return "/inspections/" + reference;
    }
}
