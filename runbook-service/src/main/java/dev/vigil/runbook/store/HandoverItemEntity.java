package dev.vigil.runbook.store;

import dev.vigil.runbook.handover.HandoverItem;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One handover item's row, as Hibernate Reactive writes and acknowledges it. */
@Entity
@Table(name = "handover_item")
public class HandoverItemEntity extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    public String tenant;
    public String kind;
    @Column(name = "subject_id")
    public UUID subjectId;
    public Integer step;
    public String title;
    public String detail;
    @Column(name = "ends_at")
    public Instant endsAt;
    @Column(name = "acknowledged_by")
    public String acknowledgedBy;
    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;
    @Column(name = "acknowledge_note")
    public String acknowledgeNote;
    @Column(name = "escalated_at")
    public Instant escalatedAt;

    /** An item is named by its handover and its number. */
    @Embeddable
    public record Key(@Column(name = "handover_id") UUID handoverId, int number) implements Serializable {
    }

    static HandoverItemEntity of(UUID handoverId, HandoverItem item) {
        HandoverItemEntity entity = new HandoverItemEntity();
        entity.key = new Key(handoverId, item.number());
        entity.tenant = item.tenant();
        entity.kind = item.kind().wireName();
        entity.subjectId = item.subjectId();
        entity.step = item.step();
        entity.title = item.title();
        entity.detail = item.detail();
        entity.endsAt = item.endsAt();
        return entity;
    }
}
