/**
 * Documents the platform issues — 检查通知书, 移交函, 移送函 — rendered from Velocity templates under
 * {@code templates/docs/} and kept exactly as issued.
 */
@org.springframework.modulith.ApplicationModule(displayName = "文书")
package cn.spotcheck.documents;
