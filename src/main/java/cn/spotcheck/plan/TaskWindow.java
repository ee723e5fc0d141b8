package cn.spotcheck.plan;

import java.time.LocalDate;

/** A spot-check task's name and the days its inspections may be done in: what due dates and date rules read. */
public record TaskWindow(String name, LocalDate start, LocalDate end) {
}
