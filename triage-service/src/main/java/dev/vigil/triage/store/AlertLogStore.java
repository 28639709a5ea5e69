package dev.vigil.triage.store;

import dev.vigil.contracts.Alert;
import dev.vigil.contracts.AlertStatus;
import dev.vigil.contracts.Json;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The alerts triage applied, kept for a while so that the noise report can replay them: appended in the batch's
 * transaction (one statement per batch), read back a tenant and a period at a time in received order.
 */
@ApplicationScoped
public class AlertLogStore {
    private final Pool pool;

    public AlertLogStore(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> append(SqlClient client, Collection<Alert> alerts) {
        if (alerts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int size = alerts.size();
        String[] tenants = new String[size];
        OffsetDateTime[] received = new OffsetDateTime[size];
        String[] fingerprints = new String[size];
        Boolean[] firing = new Boolean[size];
        String[] json = new String[size];
        int i = 0;
        for (Alert alert : alerts) {
            tenants[i] = alert.tenant();
            received[i] = alert.receivedAt().atOffset(ZoneOffset.UTC);
            fingerprints[i] = alert.fingerprint();
            firing[i] = alert.status() == AlertStatus.FIRING;
            json[i] = Json.write(alert);
            i++;
        }
        return client.preparedQuery("insert into alert_log (tenant, received_at, fingerprint, firing, alert)"
                        + " select * from unnest($1::text[], $2::timestamptz[], $3::text[], $4::boolean[], $5::text[])")
                .execute(Tuple.of(tenants, received, fingerprints, firing, json))
                .replaceWithVoid();
    }

    /** How many alerts of {@code tenant} were received from {@code since} on. */
    public Uni<Long> count(String tenant, Instant since) {
        return pool.preparedQuery("select count(*) from alert_log where tenant = $1 and received_at >= $2")
                .execute(Tuple.of(tenant, since.atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** The alerts of {@code tenant} received from {@code since} on, in the order triage applied them. */
    public Uni<List<Alert>> since(String tenant, Instant since) {
        return pool.preparedQuery("select alert from alert_log where tenant = $1 and received_at >= $2"
                        + " order by seq")
                .execute(Tuple.of(tenant, since.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    List<Alert> alerts = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        alerts.add(Rows.read(row.getString("alert"), Alert.class));
                    }
                    return alerts;
                });
    }

    /** Forgets the alerts received before {@code before}; returns how many. */
    public Uni<Integer> forgetBefore(Instant before) {
        return pool.preparedQuery("delete from alert_log where received_at < $1")
                .execute(Tuple.of(before.atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.rowCount());
    }
}
