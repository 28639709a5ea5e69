package dev.vigil.triage.store;

import dev.vigil.triage.RuleSuggestion;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;

/** Rules operators asked for when they dismissed an incident as noise. */
@ApplicationScoped
public class RuleSuggestionStore {

    public Uni<Void> add(SqlClient client, RuleSuggestion rule) {
        return client.preparedQuery("insert into rule_suggestion (incident_id, tenant, fingerprint, reason, note,"
                        + " suggested_by, suggested_at) values ($1, $2, $3, $4, $5, $6, $7)"
                        + " on conflict (incident_id) do nothing")
                .execute(Tuple.from(new Object[] {rule.incidentId(), rule.tenant(), rule.fingerprint(),
                        rule.reason().wireName(), rule.note(), rule.suggestedBy(),
                        rule.suggestedAt().atOffset(ZoneOffset.UTC)}))
                .replaceWithVoid();
    }
}
