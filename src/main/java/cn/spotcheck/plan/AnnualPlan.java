package cn.spotcheck.plan;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A department's 年度抽查计划 for one year. */
@Entity
@Table(name = "annual_plan")
class AnnualPlan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "plan_year")
    private int year;

    private String department;
    private String title;

    @Enumerated(EnumType.STRING)
    private PlanStatus status = PlanStatus.DRAFT;

    private int revision;

    @Column(name = "item_list_version")
    private Integer itemListVersion;

    private String author;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Version
    private long version;

    protected AnnualPlan() {
    }

    AnnualPlan(int year, String department, String title, String author, Instant now) {
        this.year = year;
        this.department = department;
        this.title = title;
        this.author = author;
        this.createdAt = now;
    }

    void submitted(Instant now) {
        status = PlanStatus.IN_REVIEW;
        submittedAt = now;
    }

    void returned() {
        status = PlanStatus.RETURNED;
    }

    void resubmitted() {
        status = PlanStatus.IN_REVIEW;
    }

    void published(int itemListVersion, Instant now) {
        this.status = PlanStatus.PUBLISHED;
        this.itemListVersion = itemListVersion;
        this.publishedAt = now;
    }

    void adjusting() {
        status = PlanStatus.ADJUSTING;
        revision++;
    }

    Long getId() {
        return id;
    }

    int getYear() {
        return year;
    }

    String getDepartment() {
        return department;
    }

    String getTitle() {
        return title;
    }

    PlanStatus getStatus() {
        return status;
    }

    int getRevision() {
        return revision;
    }

    Integer getItemListVersion() {
        return itemListVersion;
    }

    String getAuthor() {
        return author;
    }

    Instant getPublishedAt() {
        return publishedAt;
    }

    Instant getSubmittedAt() {
        return submittedAt;
    }
}
