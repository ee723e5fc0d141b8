package cn.spotcheck.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A certified enforcement inspector in the 检查人员名录库. */
@Entity
@Table(name = "inspector")
class Inspector extends Timestamped {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "staff_no")
    private String staffNo;

    private String name;
    private String department;
    private String position;

    @Column(name = "certificate_no")
    private String certificateNo;

    @Column(name = "certificate_valid_until")
    private LocalDate certificateValidUntil;

    @Column(name = "enforcement_years")
    private Integer enforcementYears;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    private List<String> expertise = new ArrayList<>();

    private String status;

    @Version
    private long version;

    protected Inspector() {
    }

    Inspector(InspectorData data, Instant now) {
        created(now);
        apply(data, now);
    }

    void apply(InspectorData data, Instant now) {
        this.staffNo = data.staffNo();
        this.name = data.name();
        this.department = data.department();
        this.position = data.position();
        this.certificateNo = data.certificateNo();
        this.certificateValidUntil = data.certificateValidUntil();
        this.enforcementYears = data.enforcementYears();
        this.expertise = new ArrayList<>(data.expertise());
        this.status = data.status();
        updated(now);
    }

    InspectorData data() {
        return new InspectorData(staffNo, name, department, position, certificateNo, certificateValidUntil,
                enforcementYears, List.copyOf(expertise), status);
    }

    Long getId() {
        return id;
    }

    String getStaffNo() {
        return staffNo;
    }

    String getName() {
        return name;
    }

    long getVersion() {
        return version;
    }

}
