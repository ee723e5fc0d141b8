/**
 * 检查: one inspection per drawn target, its result in the standard categories, and the publication deadline of
 * 7 working days (in the diagram {@code processes/inspection.bpmn}, where an administrator can change it).
 */
@org.springframework.modulith.ApplicationModule(displayName = "检查")
package cn.spotcheck.inspection;
