/**
 * 一公开: the public site (no login) where plans, draws and results are published, and the adapter to the
 * national credit-publicity system.
 */
@org.springframework.modulith.ApplicationModule(displayName = "信息公开")
package cn.spotcheck.disclosure;
