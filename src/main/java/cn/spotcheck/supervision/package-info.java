/**
 * 督查考核组: everything overdue at a glance — plans not approved by 31 March, tasks not finished by their end,
 * results not published within the deadline, follow-ups still open past theirs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "督查考核")
package cn.spotcheck.supervision;
