package dev.vigil.runbook.store;

import dev.vigil.contracts.Json;
import dev.vigil.runbook.handover.Handover;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** A handover's head row, as Hibernate Reactive writes it. */
@Entity
@Table(name = "handover")
public class HandoverEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    public String shift;
    @Column(name = "next_shift")
    public String nextShift;
    /** A JSON array bound as text, as for shift members ({@link ShiftEntity}). */
    @Column(name = "next_members")
    @ColumnTransformer(read = "next_members::text", write = "?::text::jsonb")
    public String nextMembers;
    @Column(name = "written_by")
    public String writtenBy;
    @Column(name = "written_at")
    public Instant writtenAt;
    @Column(name = "acknowledge_by")
    public Instant acknowledgeBy;

    static HandoverEntity of(Handover handover) {
        HandoverEntity entity = new HandoverEntity();
        entity.id = handover.id();
        entity.shift = handover.shift();
        entity.nextShift = handover.nextShift();
        entity.nextMembers = Json.write(handover.nextMembers());
        entity.writtenBy = handover.writtenBy();
        entity.writtenAt = handover.writtenAt();
        entity.acknowledgeBy = handover.acknowledgeBy();
        return entity;
    }
}
