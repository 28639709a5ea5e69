package dev.vigil.triage.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.vigil.contracts.Json;
import dev.vigil.platform.paging.Keyset;
import dev.vigil.platform.paging.Page;
import dev.vigil.platform.paging.PageRequest;
import dev.vigil.platform.store.UniqueViolation;
import dev.vigil.triage.rules.RulesChange;
import dev.vigil.triage.rules.RulesVersion;
import dev.vigil.triage.rules.TriageRules;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tenants' noise rules, every version kept. The API edits them as a Hibernate Reactive aggregate; the alert batch
 * path reads the current rules of a whole batch's tenants in one plain statement ({@link #current}), inside its own
 * transaction. Both read and write the document with the contracts JSON mapper, so the column holds exactly what
 * {@code Json.write(TriageRules)} gives.
 */
@ApplicationScoped
public class RulesStore implements PanacheRepositoryBase<RulesVersionEntity, RulesVersionEntity.Key> {

    /**
     * The newest saved rules of each of {@code tenants}; a tenant that never saved any is absent (it runs on
     * {@link TriageRules#DEFAULT}). One statement over {@code client}, so it can run inside the caller's transaction.
     */
    public Uni<Map<String, TriageRules>> current(SqlClient client, Set<String> tenants) {
        if (tenants.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return client.preparedQuery("select distinct on (tenant) tenant, version, rules::text as rules"
                        + " from triage_rules where tenant = any($1) order by tenant, version desc")
                .execute(Tuple.of(tenants.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, TriageRules> byTenant = new HashMap<>();
                    rows.forEach(row -> byTenant.put(row.getString("tenant"),
                            read(row.getString("rules"), row.getInteger("version"))));
                    return byTenant;
                });
    }

    /** The tenant's newest version, empty while it runs on the defaults. */
    @WithSession
    public Uni<Optional<RulesVersion>> latest(String tenant) {
        return find("tenant", Sort.descending("version"), tenant).firstResult()
                .map(row -> Optional.ofNullable(row).map(RulesStore::version));
    }

    /**
     * Stores {@code rules} as the version after {@code expected}, saved by {@code changedBy} now; empty when another
     * save took that version first (the caller answers 409, never overwrites it).
     */
    public Uni<Optional<RulesVersion>> save(String tenant, int expected, TriageRules rules, String changedBy) {
        TriageRules next = rules.withVersion(expected + 1);
        // PostgreSQL keeps microseconds: the answer shows the time a later read will
        RulesVersionEntity row = new RulesVersionEntity(tenant, next.version(), Json.write(next), changedBy,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        // the transaction is closed (rolled back) before the duplicate is recognised, so nothing half-done remains
        return Panache.withTransaction(() -> persist(row))
                .map(saved -> Optional.of(version(saved)))
                .onFailure(UniqueViolation::causedBy).recoverWithItem(Optional.empty());
    }

    /**
     * A page of the tenant's changes, newest first, each with the rules it replaced: the audit trail. A tenant's
     * versions are numbered 1, 2, ... without gaps and never change, so the version alone places a row; the
     * cursor's time is informative only (two concurrent saves' clocks need not agree with their order).
     */
    @WithSession
    public Uni<Page<RulesChange>> versions(String tenant, PageRequest<Long> page, TriageRules defaults) {
        PanacheQuery<RulesVersionEntity> query = page.after().isPresent()
                ? find("tenant = ?1 and version < ?2", Sort.descending("version"), tenant,
                        (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, page.after().get().id())))
                : find("tenant", Sort.descending("version"), tenant);
        // one row more than the page: it tells whether a next page exists, and is the last item's "before"
        return query.range(0, page.limit()).list().map(rows -> {
            List<RulesVersion> versions = rows.stream().map(RulesStore::version).toList();
            List<RulesChange> changes = new ArrayList<>(versions.size());
            for (int i = 0; i < versions.size(); i++) {
                // the oldest version replaced the defaults; for the extra row (dropped by Page.of) this is moot
                TriageRules before = i + 1 < versions.size() ? versions.get(i + 1).rules() : defaults;
                changes.add(new RulesChange(versions.get(i), before));
            }
            return Page.of(changes, page, change -> new Keyset<>(change.after().changedAt(),
                    (long) change.after().version()));
        });
    }

    private static RulesVersion version(RulesVersionEntity row) {
        return new RulesVersion(row.tenant(), read(row.rules(), row.version()), row.changedBy(), row.changedAt());
    }

    private static TriageRules read(String json, int version) {
        try {
            return Json.read(json, TriageRules.class).withVersion(version);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored triage rules are not readable", e);
        }
    }
}
