/**
 * 后续处置 — 谁管辖、谁负责, closed loop: 责令改正 with a deadline and a re-check, 立案, 移交 to the competent
 * department with a letter and a tracked acknowledgement, 移送司法机关 with a referral letter; every branch ends in
 * a recorded closure ({@code processes/follow-up.bpmn}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "后续处置")
package cn.spotcheck.followup;
