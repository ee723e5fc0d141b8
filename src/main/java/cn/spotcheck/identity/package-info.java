/**
 * Users and groups (kept in the Camunda identity service, so Tasklist and the API agree on who is who), the
 * roles of the platform, and the security of every entrance: HTTP Basic and form login for the API and pages,
 * the engine's own filter for {@code /engine-rest}, the webapps' own login for {@code /camunda}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "用户与权限")
package cn.spotcheck.identity;
