/**
 * 一单两库: the list of items that may be checked, the directory of targets (检查对象名录库) and the directory of
 * inspectors (检查人员名录库), with their validation, their history (动态调整) and their Excel import and export.
 */
@org.springframework.modulith.ApplicationModule(displayName = "一单两库")
package cn.spotcheck.catalog;
