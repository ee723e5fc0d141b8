package cn.spotcheck.identity;

/** The groups the platform's rules refer to; each is a Camunda identity group of the same id. */
public final class Roles {

    public static final String ADMIN = "camunda-admin";
    /** 政策法规处 / 法制办: owns the lists, the plans and the draws. */
    public static final String LEGAL = "legal";
    /** 司法局 reviewer of the annual plan. */
    public static final String JUSTICE = "justice";
    /** 督查考核组. */
    public static final String SUPERVISION = "supervision";
    /** Enforcement inspectors. */
    public static final String INSPECTOR = "inspector";

    private Roles() {
    }

    /** True when the user of the current request belongs to one of {@code groups}. */
    public static boolean current(String... groups) {
        var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return false;
        }
        java.util.Set<String> wanted = java.util.Set.of(groups);
        return authentication.getAuthorities().stream().anyMatch(a -> wanted.contains(a.getAuthority()));
    }
}
