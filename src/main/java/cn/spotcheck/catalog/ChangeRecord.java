package cn.spotcheck.catalog;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One change to one record: who, when, and each changed field's old and new value (JSON). */
@Entity
@Table(name = "change_record")
class ChangeRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private Register register;

    @Column(name = "record_id")
    private long recordId;

    private String action;

    @Column(name = "changed_by")
    private String changedBy;

    @Column(name = "changed_at")
    private Instant changedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    private String changes;

    protected ChangeRecord() {
    }

    ChangeRecord(Register register, long recordId, String action, String changedBy, Instant changedAt, String changes) {
        this.register = register;
        this.recordId = recordId;
        this.action = action;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
        this.changes = changes;
    }

    Long getId() {
        return id;
    }

    Register getRegister() {
        return register;
    }

    long getRecordId() {
        return recordId;
    }

    String getAction() {
        return action;
    }

    String getChangedBy() {
        return changedBy;
    }

    Instant getChangedAt() {
        return changedAt;
    }

    String getChanges() {
        return changes;
    }
}
