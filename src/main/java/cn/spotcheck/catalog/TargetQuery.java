package cn.spotcheck.catalog;

/**
 * A search of the target directory. {@code q} matches a name fragment, a USCC (or its beginning) or another
 * registration number. {@code afterId} pages by key (fast at any depth); {@code page} by offset.
 */
public record TargetQuery(String category, String region, String creditLevel, String status, String tag, String q,
                          Integer page, Integer size, Long afterId) {

    public static final int MAX_SIZE = 500;

    public int pageOrZero() {
        return page == null || page < 0 ? 0 : page;
    }

    public int sizeOrDefault() {
        return size == null || size <= 0 ? 20 : Math.min(size, MAX_SIZE);
    }

    public static TargetQuery all() {
        return new TargetQuery(null, null, null, null, null, null, null, null, null);
    }
}
