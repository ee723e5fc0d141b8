/**
 * 年度抽查计划: the annual plans and their spot-check tasks, the rules a task must keep (ratios, 100 % for
 * 两客一危 and key items, done by 30 November), review by 法制 and 司法局, publication and adjustment.
 */
@org.springframework.modulith.ApplicationModule(displayName = "抽查计划")
package cn.spotcheck.plan;
