package dev.vigil.triage.window;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Planned work a tenant declared: alerts its definition matches while its schedule is in force are expected.
 *
 * @param version   0 when created, one more with every replacement of the definition: the ETag
 * @param updatedBy null until the first replacement
 */
public record MaintenanceWindow(UUID id, String tenant, WindowDefinition definition, int version, String createdBy,
        Instant createdAt, String updatedBy, Instant updatedAt) {

    public MaintenanceWindow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(definition, "definition");
    }

    /** A new window, at version 0. */
    public static MaintenanceWindow created(UUID id, String tenant, WindowDefinition definition, String by,
            Instant at) {
        return new MaintenanceWindow(id, tenant, definition, 0, by, at, null, null);
    }

    public WindowSchedule schedule() {
        return definition.schedule();
    }

    public WindowRule rule() {
        return new WindowRule(id, tenant, definition.matchers(), definition.schedule());
    }
}
