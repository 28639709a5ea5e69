package dev.vigil.triage.store;

import dev.vigil.platform.security.TenantScope;
import dev.vigil.triage.silence.Silence;
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
import org.hibernate.annotations.ColumnTransformer;

/** A silence's row, as Hibernate Reactive writes it; {@link #toSilence()} and {@link #of} map it to the domain. */
@Entity
@Table(name = "silence")
public class SilenceEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    public String tenant;
    // jsonb, bound and read as text: the reactive client would send a Java string as a JSON string
    @ColumnTransformer(read = "matchers::text", write = "?::text::jsonb")
    public String matchers;
    @Column(name = "starts_at")
    public Instant startsAt;
    @Column(name = "ends_at")
    public Instant endsAt;
    @Column(name = "until_resolved")
    public boolean untilResolved;
    public String comment;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "ended_by")
    public String endedBy;

    static SilenceEntity of(Silence silence) {
        SilenceEntity entity = new SilenceEntity();
        entity.id = silence.id();
        entity.tenant = silence.tenant();
        entity.matchers = StoredMatchers.write(silence.matchers());
        entity.startsAt = silence.startsAt();
        entity.untilResolved = silence.untilResolved();
        entity.comment = silence.comment();
        entity.createdBy = silence.createdBy();
        entity.createdAt = silence.createdAt();
        entity.end(silence);
        return entity;
    }

    /** Takes the end of {@code silence}, the only thing about a silence that changes. */
    void end(Silence silence) {
        endsAt = silence.endsAt();
        endedBy = silence.endedBy();
    }

    Silence toSilence() {
        return new Silence(id, tenant, StoredMatchers.read(matchers), startsAt, endsAt, untilResolved, comment,
                createdBy, createdAt, endedBy);
    }

    /** The silence {@code id} if {@code scope} holds it, locked until the transaction ends; null otherwise. */
    static Uni<SilenceEntity> findForUpdate(TenantScope scope, UUID id) {
        PanacheQuery<SilenceEntity> query = scope.everyTenant() ? find("id", id)
                : find("id = ?1 and tenant in ?2", id, scope.tenants());
        return query.withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }
}
