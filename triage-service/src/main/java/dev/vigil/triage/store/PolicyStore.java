package dev.vigil.triage.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.vigil.contracts.Json;
import dev.vigil.platform.paging.Keyset;
import dev.vigil.platform.paging.Page;
import dev.vigil.platform.paging.PageRequest;
import dev.vigil.platform.security.TenantScope;
import dev.vigil.platform.store.ScopedQuery;
import dev.vigil.triage.PolicyVersion;
import dev.vigil.triage.TenantPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import dev.vigil.contracts.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Tenants' policies, every version kept. Plain SQL rather than an ORM aggregate: the alert batch path reads the
 * current policy of a whole batch's tenants in one statement.
 */
@ApplicationScoped
public class PolicyStore {
    private static final String COLUMNS = "tenant, version, policy::text as policy, changed_by, changed_at";

    private final Pool pool;

    public PolicyStore(Pool pool) {
        this.pool = pool;
    }

    /** The current policy of each of {@code tenants} that saved one. */
    public Uni<Map<String, TenantPolicy>> current(SqlClient client, Set<String> tenants) {
        if (tenants.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return client.preparedQuery("select distinct on (tenant) " + COLUMNS + " from tenant_policy"
                        + " where tenant = any($1) order by tenant, version desc")
                .execute(Tuple.of(tenants.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, TenantPolicy> byTenant = new HashMap<>();
                    rows.forEach(row -> byTenant.put(row.getString("tenant"), version(row).policy()));
                    return byTenant;
                });
    }

    /** The tenant's current version, empty while it runs on the defaults. */
    public Uni<Optional<PolicyVersion>> find(SqlClient client, String tenant) {
        return client.preparedQuery("select " + COLUMNS + " from tenant_policy where tenant = $1"
                        + " order by version desc limit 1")
                .execute(Tuple.of(tenant))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(version(rows.iterator().next())));
    }

    /**
     * Stores {@code policy} as the version after {@code expected}; empty when another change took that version
     * first (the caller answers 409 or 412, never overwrites it).
     */
    public Uni<Optional<PolicyVersion>> save(String tenant, int expected, TenantPolicy policy, String changedBy) {
        TenantPolicy next = policy.withVersion(expected + 1);
        return pool.preparedQuery("insert into tenant_policy (tenant, version, policy, changed_by)"
                        + " values ($1, $2, $3::text::jsonb, $4) on conflict (tenant, version) do nothing"
                        + " returning " + COLUMNS)
                .execute(Tuple.of(tenant, next.version(), Json.write(PolicyDocument.of(next)), changedBy))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(version(rows.iterator().next())));
    }

    /** A page of the tenant's versions, newest first: the audit trail. */
    public Uni<Page<PolicyVersion>> versions(TenantScope scope, String tenant, PageRequest<Long> page) {
        ScopedQuery query = ScopedQuery.select("select " + COLUMNS + " from tenant_policy",
                "tenant", scope).where("tenant = ?", tenant).page("changed_at", "version::bigint", page);
        return pool.preparedQuery(query.sql()).execute(query.arguments()).map(rows -> {
            List<PolicyVersion> versions = new ArrayList<>(rows.size());
            rows.forEach(row -> versions.add(version(row)));
            return Page.of(versions, page, v -> new Keyset<>(v.changedAt(), (long) v.policy().version()));
        });
    }

    private static PolicyVersion version(Row row) {
        try {
            PolicyDocument document = Json.read(row.getString("policy"), PolicyDocument.class);
            return new PolicyVersion(row.getString("tenant"), document.toPolicy(row.getInteger("version")),
                    row.getString("changed_by"), row.getOffsetDateTime("changed_at").toInstant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored policy is not readable", e);
        }
    }

    /** The stored JSON of a policy: wire names and ISO-8601 durations, readable in psql. */
    record PolicyDocument(List<String> autoConfirm, Map<String, String> decisionDeadlines, String resolveDelay,
            boolean reportRecovery) {

        static PolicyDocument of(TenantPolicy policy) {
            Map<String, String> deadlines = new TreeMap<>();
            policy.decisionDeadlines().forEach((severity, d) -> deadlines.put(severity.wireName(), d.toString()));
            return new PolicyDocument(policy.autoConfirm().stream().map(Severity::wireName).sorted().toList(),
                    deadlines, policy.resolveDelay().toString(), policy.reportRecovery());
        }

        TenantPolicy toPolicy(int version) {
            Map<Severity, Duration> deadlines = new HashMap<>();
            decisionDeadlines.forEach((severity, d) -> deadlines.put(
                    Severity.fromWire(severity).orElseThrow(), Duration.parse(d)));
            return new TenantPolicy(version, autoConfirm.stream()
                    .map(s -> Severity.fromWire(s).orElseThrow())
                    .collect(Collectors.toSet()), deadlines, Duration.parse(resolveDelay),
                    reportRecovery);
        }
    }
}
