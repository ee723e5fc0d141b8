package cn.spotcheck.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A regulated business or individual operator in the 检查对象名录库. */
@Entity
@Table(name = "target")
class Target extends Timestamped {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String uscc;

    @Column(name = "registration_no")
    private String registrationNo;

    private String name;
    private String category;
    private String region;
    private String address;

    @Column(name = "legal_representative")
    private String legalRepresentative;

    @Column(name = "operating_status")
    private String operatingStatus;

    @Column(name = "credit_level")
    private String creditLevel;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    private List<String> tags = new ArrayList<>();

    @Version
    private long version;

    protected Target() {
    }

    Target(TargetData data, Instant now) {
        created(now);
        apply(data, now);
    }

    void apply(TargetData data, Instant now) {
        this.uscc = data.uscc();
        this.registrationNo = data.registrationNo();
        this.name = data.name();
        this.category = data.category();
        this.region = data.region();
        this.address = data.address();
        this.legalRepresentative = data.legalRepresentative();
        this.operatingStatus = data.status();
        this.creditLevel = data.creditLevel();
        this.tags = new ArrayList<>(data.tags());
        updated(now);
    }

    TargetData data() {
        return new TargetData(uscc, registrationNo, name, category, region, address, legalRepresentative,
                operatingStatus, creditLevel, List.copyOf(tags));
    }

    /** The fields the history compares, in the order a person reads them. */
    Map<String, Object> snapshot() {
        return data().snapshot();
    }

    Long getId() {
        return id;
    }

    String getUscc() {
        return uscc;
    }

    String getName() {
        return name;
    }

    long getVersion() {
        return version;
    }

    static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
