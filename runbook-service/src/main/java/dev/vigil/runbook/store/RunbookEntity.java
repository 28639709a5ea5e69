package dev.vigil.runbook.store;

import dev.vigil.platform.security.TenantScope;
import dev.vigil.runbook.Runbook;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A runbook's head row, as Hibernate Reactive writes it: its current version and its name, unique in its tenant.
 * What a version says is in {@link RunbookVersionEntity}.
 */
@Entity
@Table(name = "runbook")
public class RunbookEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    public String tenant;
    public String name;
    public int version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The runbook {@code id} if {@code scope} holds it, locked until the transaction ends; null otherwise. */
    static Uni<RunbookEntity> findForUpdate(TenantScope scope, UUID id) {
        // the shared runbooks are every staff member's
        PanacheQuery<RunbookEntity> query = scope.everyTenant() ? find("id", id)
                : find("id = ?1 and (tenant in ?2 or tenant = ?3)", id, scope.tenants(), Runbook.SHARED);
        return query.withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }
}
