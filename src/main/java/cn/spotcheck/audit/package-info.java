/**
 * 审计日志: an append-only record of who did what and when — logins and their failures, and every request that
 * changes something (directories, plans, draws, replacements, reviews and results completed in Tasklist,
 * publications, corrections, deployments and the engine's users and rights) with how it ended — chained by digests
 * like the draw records, searchable by the supervision group and the administrators.
 */
@org.springframework.modulith.ApplicationModule(displayName = "审计日志")
package cn.spotcheck.audit;
