package cn.spotcheck.plan;

/** A new annual plan: its year, the department that carries it out and its title. */
public record PlanInput(Integer year, String department, String title) {
}
