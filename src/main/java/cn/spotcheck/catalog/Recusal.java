package cn.spotcheck.catalog;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** 回避: an inspector's declared conflict with a target, for a period; the draw never pairs them. */
@Entity
@Table(name = "recusal")
class Recusal {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "inspector_id")
    private long inspectorId;

    @Column(name = "target_id")
    private long targetId;

    private String relation;
    private String reason;

    @Column(name = "valid_from")
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private LocalDate validTo;

    @Column(name = "declared_by")
    private String declaredBy;

    @Column(name = "declared_at")
    private Instant declaredAt;

    protected Recusal() {
    }

    Recusal(long inspectorId, long targetId, String relation, String reason, LocalDate validFrom, LocalDate validTo,
            String declaredBy, Instant declaredAt) {
        this.inspectorId = inspectorId;
        this.targetId = targetId;
        this.relation = relation;
        this.reason = reason;
        this.validFrom = validFrom;
        this.validTo = validTo;
        this.declaredBy = declaredBy;
        this.declaredAt = declaredAt;
    }

    RecusalView view() {
        return new RecusalView(id, inspectorId, targetId, relation, reason, validFrom, validTo, declaredBy, declaredAt);
    }

    Long getId() {
        return id;
    }
}
