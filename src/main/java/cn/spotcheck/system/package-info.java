/**
 * What every capability stands on: the embedded PostgreSQL, the bureau's time zone, the deployment of the
 * diagrams in {@code processes/} with their forms, and the one error format of the API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "平台基础")
package cn.spotcheck.system;
