package cn.spotcheck.documents;

/**
 * Who, beyond the legal staff, the supervision group and administrators, may read the documents issued about a
 * reference: the module that owns the reference says (for an inspection, its drawn inspectors). Documents name
 * businesses, findings and the departments a case goes to; they are not for every logged-in user.
 */
public interface DocumentAudience {

    /** True when {@code userId} takes part in what {@code reference} names. */
    boolean includes(String reference, String userId);
}
