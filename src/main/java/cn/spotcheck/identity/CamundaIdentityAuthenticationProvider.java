package cn.spotcheck.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import cn.spotcheck.system.DatabaseOutage;

/**
 * Checks a user name and password against the Camunda identity service, the one user store of the platform,
 * and grants one authority per group the user belongs to. The identity service throttles failed logins per user in
 * the database (so on every node alike): after a failure the account waits a few seconds, doubling with each failure
 * up to a minute, and is locked for good after {@code loginMaxAttempts} (10) until an administrator unlocks it in
 * Admin. A refusal while locked says so, and until when, instead of blaming the password.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    static final String WRONG_PASSWORD = "用户名或密码错误";
    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss");

    private final IdentityService identityService;
    private final org.camunda.bpm.engine.ProcessEngine engine;

    CamundaIdentityAuthenticationProvider(IdentityService identityService, org.camunda.bpm.engine.ProcessEngine engine) {
        this.identityService = identityService;
        this.engine = engine;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        try {
            return check(authentication);
        } catch (RuntimeException e) {
            if (DatabaseOutage.causes(e)) {
                // Not a wrong password: the login is answered 503, not counted as a failure.
                throw new AuthenticationServiceException(DatabaseOutage.message(e), e);
            }
            throw e;
        }
    }

    private Authentication check(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || userId.isBlank() || credentials == null
                || !identityService.checkPassword(userId, credentials.toString())) {
            String locked = userId == null || userId.isBlank() ? null : lockOf(userId);
            throw locked != null ? new org.springframework.security.authentication.LockedException(locked)
                    : new BadCredentialsException(WRONG_PASSWORD);
        }
        List<SimpleGrantedAuthority> authorities = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(group -> new SimpleGrantedAuthority(group.getId()))
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    }

    /** Why the account cannot log in now, or null when it is not locked. */
    String lockOf(String userId) {
        if (!(identityService.createUserQuery().userId(userId).singleResult()
                instanceof org.camunda.bpm.engine.impl.persistence.entity.UserEntity user)) {
            return null;
        }
        int max = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getLoginMaxAttempts();
        if (user.getAttempts() >= max) {
            return "该账户连续登录失败 " + user.getAttempts() + " 次，已被锁定，请联系管理员解锁";
        }
        java.util.Date until = user.getLockExpirationTime();
        if (until != null && until.after(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime())) {
            return "该账户登录失败，已暂时锁定，请于 " + TIME.format(until.toInstant().atZone(cn.spotcheck.calendar.BureauTime.ZONE))
                    + " 后再试（连续失败 " + max + " 次将被锁定，需管理员解锁）";
        }
        return null;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
