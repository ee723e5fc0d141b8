package cn.spotcheck.supervision;

import java.time.LocalDate;

/** One overdue matter: which rule it breaks, what it is, who owns it, when it was due and by how many days. */
public record OverdueItem(String rule, String ruleName, String reference, String title, String department, LocalDate dueDate,
                          long daysOverdue) {
}
