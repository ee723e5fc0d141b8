package cn.spotcheck.plan;

import java.time.Instant;
import java.util.List;

/** An annual plan with its tasks and the reviews it went through. */
public record PlanView(long id, int year, String department, String title, String status, String statusName,
                       int revision, Integer itemListVersion, String author, Instant submittedAt, Instant publishedAt,
                       List<TaskView> tasks, List<Review> reviews) {

    /** Whether the plan as it stands is the published one (not in review, not being adjusted). */
    public boolean published() {
        return PlanStatus.PUBLISHED.name().equals(status);
    }

    /** The title under which the public finds the plan: its year in front, unless the title names it already. */
    public String headline() {
        return title.contains(String.valueOf(year)) ? title : year + " 年度 · " + title;
    }

    /** One reviewer's decision: stage {@code legalReview} (法制审核) or {@code justiceReview} (司法局审核). */
    public record Review(int revision, String stage, String reviewer, boolean approved, String comment, Instant reviewedAt) {
    }
}
