package dev.vigil.triage.store;

import dev.vigil.platform.security.TenantScope;
import dev.vigil.triage.window.MaintenanceWindow;
import dev.vigil.triage.window.Occurrence;
import dev.vigil.triage.window.WindowDefinition;
import dev.vigil.triage.window.WindowSchedule;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.annotations.ColumnTransformer;

/**
 * A maintenance window's row, as Hibernate Reactive writes it. The schedule is a one-off's {@code startsAt} and
 * {@code endsAt}, or a recurrence's columns; {@link #schedule} reads either back, for this entity and for rows read
 * with plain SQL alike.
 */
@Entity
@Table(name = "maintenance_window")
public class MaintenanceWindowEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    public String tenant;
    public String name;
    // jsonb, bound and read as text: the reactive client would send a Java string as a JSON string
    @ColumnTransformer(read = "matchers::text", write = "?::text::jsonb")
    public String matchers;
    @Column(name = "time_zone")
    public String timeZone;
    public String comment;
    @Column(name = "starts_at")
    public Instant startsAt;
    @Column(name = "ends_at")
    public Instant endsAt;
    @Column(name = "recurrence_days")
    public String recurrenceDays;
    @Column(name = "recurrence_start")
    public LocalTime recurrenceStart;
    @Column(name = "recurrence_end")
    public LocalTime recurrenceEnd;
    @Column(name = "recurrence_from")
    public Instant recurrenceFrom;
    @Column(name = "recurrence_until")
    public Instant recurrenceUntil;
    @Version
    public int version;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_by")
    public String updatedBy;
    @Column(name = "updated_at")
    public Instant updatedAt;

    static MaintenanceWindowEntity of(MaintenanceWindow window) {
        MaintenanceWindowEntity entity = new MaintenanceWindowEntity();
        entity.id = window.id();
        entity.tenant = window.tenant();
        entity.createdBy = window.createdBy();
        entity.createdAt = window.createdAt();
        entity.define(window.definition());
        return entity;
    }

    /** Takes what the window says; a replacement changes nothing else. */
    void define(WindowDefinition definition) {
        name = definition.name();
        matchers = StoredMatchers.write(definition.matchers());
        timeZone = definition.zone().getId();
        comment = definition.comment();
        startsAt = null;
        endsAt = null;
        recurrenceDays = null;
        recurrenceStart = null;
        recurrenceEnd = null;
        recurrenceFrom = null;
        recurrenceUntil = null;
        if (definition.schedule() instanceof WindowSchedule.Once once) {
            startsAt = once.occurrence().start();
            endsAt = once.occurrence().end();
        } else if (definition.schedule() instanceof WindowSchedule.Weekly weekly) {
            recurrenceDays = days(weekly.days());
            recurrenceStart = weekly.start();
            recurrenceEnd = weekly.end();
            recurrenceFrom = weekly.from();
            recurrenceUntil = weekly.until();
        }
    }

    MaintenanceWindow toWindow() {
        ZoneId zone = ZoneId.of(timeZone);
        return new MaintenanceWindow(id, tenant, new WindowDefinition(name, StoredMatchers.read(matchers), zone,
                comment, schedule(zone, startsAt, endsAt, recurrenceDays, recurrenceStart, recurrenceEnd,
                        recurrenceFrom, recurrenceUntil)), version, createdBy, createdAt, updatedBy, updatedAt);
    }

    /** The schedule the columns describe: a recurrence when it has days, else the one-off. */
    static WindowSchedule schedule(ZoneId zone, Instant startsAt, Instant endsAt, String days, LocalTime start,
            LocalTime end, Instant from, Instant until) {
        if (days == null) {
            return new WindowSchedule.Once(new Occurrence(startsAt, endsAt));
        }
        Set<DayOfWeek> parsed = EnumSet.noneOf(DayOfWeek.class);
        Arrays.stream(days.split(",")).map(DayOfWeek::valueOf).forEach(parsed::add);
        return new WindowSchedule.Weekly(zone, parsed, start, end, from, until);
    }

    /** Monday first, as the column's check expects: {@code SATURDAY,SUNDAY}. */
    private static String days(Set<DayOfWeek> days) {
        return EnumSet.copyOf(days).stream().map(DayOfWeek::name).collect(Collectors.joining(","));
    }

    /** The window {@code id} if {@code scope} holds it, locked until the transaction ends; null otherwise. */
    static Uni<MaintenanceWindowEntity> findForUpdate(TenantScope scope, UUID id) {
        PanacheQuery<MaintenanceWindowEntity> query = scope.everyTenant() ? find("id", id)
                : find("id = ?1 and tenant in ?2", id, scope.tenants());
        return query.withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }
}
