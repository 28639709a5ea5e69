package dev.vigil.triage.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of {@code triage_rules}: one saved version of a tenant's rules. Immutable: a version is the audit, and a
 * change is a new row. {@link RulesStore} is the one place that maps it to and from {@code TriageRules}.
 */
@Entity
@Table(name = "triage_rules")
@IdClass(RulesVersionEntity.Key.class)
@Immutable
public class RulesVersionEntity {
    @Id
    private String tenant;

    @Id
    private int version;

    /** The document as JSON text; Hibernate binds it as PostgreSQL {@code jsonb}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "rules", nullable = false)
    private String rules;

    @Column(name = "changed_by", nullable = false)
    private String changedBy;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected RulesVersionEntity() {
        // for Hibernate
    }

    RulesVersionEntity(String tenant, int version, String rules, String changedBy, Instant changedAt) {
        this.tenant = tenant;
        this.version = version;
        this.rules = rules;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    String tenant() {
        return tenant;
    }

    int version() {
        return version;
    }

    String rules() {
        return rules;
    }

    String changedBy() {
        return changedBy;
    }

    Instant changedAt() {
        return changedAt;
    }

    /** The primary key, (tenant, version). */
    public static class Key implements Serializable {
        private String tenant;
        private int version;

        public Key() {
        }

        public Key(String tenant, int version) {
            this.tenant = tenant;
            this.version = version;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && version == that.version && Objects.equals(tenant, that.tenant);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenant, version);
        }
    }
}
