package cn.spotcheck.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An entry of the 随机抽查事项清单: what may be checked, on which legal basis, by whom, in which categories. */
@Entity
@Table(name = "inspection_item")
class InspectionItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;
    private String name;

    @Column(name = "legal_basis")
    private String legalBasis;

    private String department;

    @Enumerated(EnumType.STRING)
    @Column(name = "item_type")
    private ItemType type;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    private List<String> categories = new ArrayList<>();

    @Column(name = "default_ratio")
    private BigDecimal defaultRatio;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    private List<String> expertise = new ArrayList<>();

    @Column(name = "joint_checkable")
    private boolean jointCheckable = true;

    private boolean active = true;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected InspectionItem() {
    }

    InspectionItem(ItemView data, Instant now) {
        this.createdAt = now;
        apply(data, now);
    }

    void apply(ItemView data, Instant now) {
        this.code = data.code();
        this.name = data.name();
        this.type = data.type();
        this.categories = new ArrayList<>(data.categories());
        this.legalBasis = data.legalBasis();
        this.department = data.department();
        this.expertise = new ArrayList<>(data.expertise());
        this.defaultRatio = data.defaultRatio();
        this.jointCheckable = data.jointCheckable();
        this.active = data.active();
        this.updatedAt = now;
    }

    ItemView view() {
        return new ItemView(id == null ? 0 : id, code, name, type, List.copyOf(categories), legalBasis, department,
                List.copyOf(expertise), defaultRatio, jointCheckable, active);
    }

    Long getId() {
        return id;
    }

    String getCode() {
        return code;
    }
}
