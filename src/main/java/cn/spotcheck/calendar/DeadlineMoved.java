package cn.spotcheck.calendar;

import java.time.Instant;

/**
 * A deadline recomputed after a holiday notice was loaded: the due date of a user task or the time of a timer in
 * the process instance with {@code businessKey}. Published inside the transaction that moves it, so that a module
 * keeping a copy of the date moves its copy with it or not at all.
 */
public record DeadlineMoved(int year, String processInstanceId, String businessKey, String processDefinitionKey,
                            String elementId, String elementName, Instant from, Instant to) {
}
