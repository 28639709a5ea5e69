package dev.vigil.runbook.store;

import dev.vigil.contracts.Json;
import dev.vigil.runbook.Shift;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalTime;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** A shift's row, as Hibernate Reactive writes it. */
@Entity
@Table(name = "shift")
public class ShiftEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    public String name;
    @Column(name = "time_zone")
    public String timeZone;
    public LocalTime starts;
    public LocalTime ends;
    /** The members as a JSON array, bound and read as text: the reactive client decodes jsonb as an object. */
    @ColumnTransformer(read = "members::text", write = "?::text::jsonb")
    public String members;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_by")
    public String updatedBy;
    @Column(name = "updated_at")
    public Instant updatedAt;

    static ShiftEntity of(Shift shift) {
        ShiftEntity entity = new ShiftEntity();
        entity.id = shift.id();
        entity.createdAt = shift.createdAt();
        entity.take(shift);
        return entity;
    }

    /** Takes everything of {@code shift} that an edit may change. */
    void take(Shift shift) {
        name = shift.name();
        timeZone = shift.zone().getId();
        starts = shift.starts();
        ends = shift.ends();
        members = Json.write(shift.members());
        updatedBy = shift.updatedBy();
        updatedAt = shift.updatedAt();
    }
}
