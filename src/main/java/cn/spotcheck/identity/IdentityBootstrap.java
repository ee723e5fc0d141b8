package cn.spotcheck.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure the groups the platform's rules name exist, each with the webapp access its role needs, and
 * creates the first administrator from configuration. There is no built-in password: without
 * {@code spotcheck.admin.username} and {@code spotcheck.admin.password} no administrator is created.
 */
@Component
class IdentityBootstrap {

    private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

    private static final Map<String, String> GROUP_NAMES = Map.of(
            Roles.ADMIN, "系统管理员",
            Roles.LEGAL, "政策法规处",
            Roles.JUSTICE, "司法局",
            Roles.SUPERVISION, "督查考核组",
            Roles.INSPECTOR, "执法人员");

    private final ProcessEngine processEngine;
    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final String adminUsername;
    private final String adminPassword;
    /** The demo's accounts, the administrator's too, have its published password {@code demo}. */
    private final boolean demoPasswords;

    IdentityBootstrap(ProcessEngine processEngine, IdentityService identityService, AuthorizationService authorizationService,
                      @Value("${spotcheck.admin.username:}") String adminUsername,
                      @Value("${spotcheck.admin.password:}") String adminPassword,
                      @Value("${spotcheck.demo-passwords:false}") boolean demoPasswords) {
        this.processEngine = processEngine;
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.adminUsername = adminUsername;
        this.adminPassword = adminPassword;
        this.demoPasswords = demoPasswords;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    void bootstrap() {
        GROUP_NAMES.forEach((id, name) -> ensureGroup(id, name, "WORKFLOW"));
        for (Resource resource : Resources.values()) {
            grant(Roles.ADMIN, resource, ANY, Permissions.ALL);
        }
        for (String group : List.of(Roles.LEGAL, Roles.JUSTICE, Roles.SUPERVISION, Roles.INSPECTOR)) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(group, Resources.FILTER, ANY, Permissions.READ);
            // Tasklist names each task's process and loads its deployed form: definitions are not secret.
            grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
        }
        for (String group : List.of(Roles.LEGAL, Roles.SUPERVISION)) {
            grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
            grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        }
        createFirstAdministrator();
    }

    private void createFirstAdministrator() {
        if (adminUsername.isBlank()) {
            if (identityService.createUserQuery().memberOfGroup(Roles.ADMIN).count() == 0) {
                log.warn("尚未配置管理员：请设置 SPOTCHECK_ADMIN_USERNAME 与 SPOTCHECK_ADMIN_PASSWORD");
            }
            return;
        }
        if (adminPassword.isBlank()) {
            throw new IllegalStateException("已配置管理员用户名 " + adminUsername + "，但缺少 spotcheck.admin.password（SPOTCHECK_ADMIN_PASSWORD）");
        }
        if (identityService.createUserQuery().userId(adminUsername).count() == 0) {
            User admin = identityService.newUser(adminUsername);
            admin.setFirstName("系统管理员");
            admin.setLastName("");
            admin.setPassword(adminPassword);
            if (demoPasswords) {
                savePreset(admin);
            } else {
                PasswordPolicyResult policy = identityService.checkPasswordAgainstPolicy(adminPassword, admin);
                if (!policy.isValid()) {
                    throw new IllegalStateException("管理员 " + adminUsername + " 的初始密码（SPOTCHECK_ADMIN_PASSWORD）" + PasswordRules.broken(policy));
                }
                identityService.saveUser(admin);
            }
            log.info("已创建管理员 {}", adminUsername);
        }
        ensureMembership(adminUsername, Roles.ADMIN);
    }

    /**
     * Saves a user whose password the platform itself sets and publishes — the demo's {@code demo} — past the policy
     * meant for the passwords people choose.
     */
    void savePreset(User user) {
        ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                .execute(new SaveUserCmd(user, true));
    }

    void ensureGroup(String id, String name, String type) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType(type);
            identityService.saveGroup(group);
        }
    }

    void ensureMembership(String userId, String groupId) {
        if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identityService.createMembership(userId, groupId);
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        boolean exists = authorizationService.createAuthorizationQuery()
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).count() > 0;
        if (exists) {
            return;
        }
        Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizationService.saveAuthorization(authorization);
    }
}
