package cn.spotcheck.identity;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Which people have a login. An inspector is linked to the user account with his staff number; one without an
 * account could be drawn but never work his task in Tasklist, so the directory asks here.
 */
@Component
public class Accounts {

    private static final int BATCH = 500;

    private final IdentityService identityService;

    Accounts(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** Those of {@code userIds} that have an account. */
    public Set<String> existing(Collection<String> userIds) {
        List<String> ids = userIds.stream().filter(id -> id != null && !id.isBlank()).distinct().toList();
        Set<String> found = new HashSet<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
            identityService.createUserQuery().userIdIn(batch.toArray(String[]::new)).list().stream().map(User::getId).forEach(found::add);
        }
        return found;
    }

    public boolean exists(String userId) {
        return userId != null && identityService.createUserQuery().userId(userId).count() > 0;
    }
}
