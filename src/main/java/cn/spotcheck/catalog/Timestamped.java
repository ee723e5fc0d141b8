package cn.spotcheck.catalog;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/** A directory entry's own dates: when it entered the directory and when it last changed. */
@MappedSuperclass
abstract class Timestamped {

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected void created(Instant now) {
        this.createdAt = now;
    }

    protected void updated(Instant now) {
        this.updatedAt = now;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }
}
