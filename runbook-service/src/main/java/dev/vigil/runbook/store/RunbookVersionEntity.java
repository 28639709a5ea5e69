package dev.vigil.runbook.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import dev.vigil.runbook.Runbook;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of {@code runbook_version}: one saved version of a runbook, the whole definition as one document.
 * Immutable: a version is what executions opened with, and an edit is a new row.
 */
@Entity
@Table(name = "runbook_version")
@IdClass(RunbookVersionEntity.Key.class)
@Immutable
public class RunbookVersionEntity {
    @Id
    @Column(name = "runbook_id")
    private UUID runbookId;

    @Id
    private int version;

    private String tenant;

    /** The definition as JSON text; Hibernate binds it as PostgreSQL {@code jsonb}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "definition", nullable = false)
    private String definition;

    @Column(name = "changed_by", nullable = false)
    private String changedBy;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected RunbookVersionEntity() {
        // for Hibernate
    }

    RunbookVersionEntity(UUID runbookId, int version, String tenant, String definition, String changedBy,
            Instant changedAt) {
        this.runbookId = runbookId;
        this.version = version;
        this.tenant = tenant;
        this.definition = definition;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    /** The runbook this version says, of a runbook first created at {@code createdAt}. */
    Runbook toRunbook(Instant createdAt) {
        StoredDefinition stored = StoredDefinition.read(definition);
        return new Runbook(runbookId, tenant, version, stored.name(), stored.description(), stored.match(),
                stored.steps(), changedBy, changedAt, createdAt);
    }

    /** The primary key, (runbook_id, version). */
    public static class Key implements Serializable {
        private UUID runbookId;
        private int version;

        public Key() {
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(runbookId, key.runbookId) && version == key.version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(runbookId, version);
        }
    }
}
