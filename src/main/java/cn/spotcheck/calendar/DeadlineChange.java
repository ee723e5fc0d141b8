package cn.spotcheck.calendar;

import java.time.Instant;

/** One recorded move of a deadline after a holiday notice was loaded. */
record DeadlineChange(String processInstanceId, String businessKey, String processDefinitionKey, String elementId,
                             String elementName, Instant from, Instant to, Instant changedAt) {
}
