package dev.vigil.triage.store;

import dev.vigil.triage.silence.Silence;
import dev.vigil.triage.silence.SilenceRule;
import dev.vigil.triage.window.MaintenanceWindow;
import dev.vigil.triage.window.WindowRule;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the triage engine reads to tell whether an alert is silenced or inside a maintenance window, and how it ends
 * an until-resolved silence. Plain SQL on the client it is given, so it runs inside the engine's batch transaction;
 * one statement per call, for a whole batch's tenants.
 */
@ApplicationScoped
public class PlannedQuietStore {

    /** The silences of {@code tenants} that have not ended before {@code since}: open, running, or still to begin. */
    public Uni<List<SilenceRule>> silences(SqlClient client, Set<String> tenants, Instant since) {
        if (tenants.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return client.preparedQuery("select " + SilenceStore.COLUMNS + " from silence where tenant = any($1)"
                        + " and (ends_at is null or ends_at >= $2)")
                .execute(Tuple.of(tenants.toArray(String[]::new), since.atOffset(ZoneOffset.UTC)))
                .map(rows -> SilenceStore.toSilences(rows).stream().map(Silence::rule).toList());
    }

    /** Every maintenance window of {@code tenants}; whether one is in force is a question of each alert's time. */
    public Uni<List<WindowRule>> windows(SqlClient client, Set<String> tenants) {
        if (tenants.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return client.preparedQuery("select " + MaintenanceWindowStore.COLUMNS
                        + " from maintenance_window where tenant = any($1)")
                .execute(Tuple.of(tenants.toArray(String[]::new)))
                .map(rows -> MaintenanceWindowStore.toWindows(rows).stream().map(MaintenanceWindow::rule).toList());
    }

    /**
     * Ends the until-resolved silences among {@code silenceIds} that still run and hold no firing alert any more (run
     * after the alerts' new states are written): the last alert such a silence held has resolved.
     */
    public Uni<Void> endUntilResolved(SqlClient client, String tenant, Collection<UUID> silenceIds, Instant at) {
        if (silenceIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return client.preparedQuery("update silence s set ends_at = $3, ended_by = $4 where s.tenant = $1"
                        + " and s.id = any($2) and s.until_resolved and s.ends_at is null and not exists (select 1"
                        + " from alert_states a where a.tenant = s.tenant and a.reason = 'silence'"
                        + " and a.reason_ref = s.id::text and a.firing)")
                .execute(Tuple.of(tenant, silenceIds.toArray(UUID[]::new), at.atOffset(ZoneOffset.UTC),
                        Silence.ENDED_BY_RESOLUTION))
                .replaceWithVoid();
    }
}
