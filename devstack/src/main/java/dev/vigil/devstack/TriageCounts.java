package dev.vigil.devstack;

import dev.vigil.testsupport.EmbeddedPostgresServer;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What triage has applied, read from its database ({@code vigil_triage}) over one JDBC connection: a count cheap
 * enough to take every second while triage works, and the exact occurrences of a run's tenants.
 *
 * <p>The cheap count is of the events triage has applied: rows of its {@code inbox}, one per event, written in the
 * transaction that applies the event, stamped with that transaction's start ({@code applied_at} is {@code now()}).
 * Each sample counts only the rows since the one before, up to a point no running transaction of triage's
 * started before, so a transaction still open at one sample is counted at a later one, not missed: the count stays
 * exact, and a sample reads only a second's rows. (Summing the run's {@code alert_states} every second instead reads
 * all of them each time: about 200 ms a query on average over a drain of a million new alerts.)
 */
final class TriageCounts implements AutoCloseable {
    /** The newest start of a transaction every row of which is visible: no transaction of triage's still runs. */
    private static final String SETTLED = """
            select least(statement_timestamp(), min(xact_start)) from pg_stat_activity
            where datname = current_database() and backend_type = 'client backend' and pid <> pg_backend_pid()
            """;
    private static final String APPLIED_BETWEEN = "select count(*) from inbox where applied_at >= ? and applied_at < ?";
    private static final String OCCURRENCES =
            "select coalesce(sum(occurrences), 0) from alert_states where tenant = any(?)";
    private static final String COUNTS = "select tenant, resource, occurrences from alert_states where tenant = any(?)";
    private static final String RECHECKS_DUE = "select count(*), max(recheck_at) from alert_states"
            + " where recheck_at <= now() + make_interval(secs => ?)";
    private static final String INCIDENTS = "select count(*) from incidents where tenant = any(?)";

    private final Connection db;
    private final List<String> tenants;
    private OffsetDateTime countedUntil;
    private long applied;

    TriageCounts(EmbeddedPostgresServer postgres, List<String> tenants) {
        this.tenants = tenants;
        try {
            this.db = DriverManager.getConnection(postgres.jdbcUrl(Service.TRIAGE.database()), postgres.user(),
                    postgres.password());
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Counts events from now on; call it before triage starts applying them. */
    void startCounting() {
        countedUntil = settled();
        applied = 0;
    }

    /** Events triage has applied since {@link #startCounting}, whoever's they are. */
    long applied() {
        OffsetDateTime until = settled();
        try (PreparedStatement between = db.prepareStatement(APPLIED_BETWEEN)) {
            between.setObject(1, countedUntil);
            between.setObject(2, until);
            applied += single(between);
            countedUntil = until;
            return applied;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** The occurrences triage has counted for the run's tenants: the sum over all their fingerprints. */
    long occurrences() {
        try (PreparedStatement sum = db.prepareStatement(OCCURRENCES)) {
            sum.setArray(1, tenantArray());
            return single(sum);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Alert states of any tenant that triage looks at again by a time, judged by the wall clock. */
    record Rechecks(long due, OffsetDateTime last) {
    }

    /**
     * Alert states of any tenant due for a recheck within {@code within} (or overdue): a firing alert held by a
     * threshold's duration (the default rules' pending period) is raised into an incident when it passes, work
     * triage does beside applying alerts.
     */
    Rechecks rechecksDue(Duration within) {
        try (PreparedStatement due = db.prepareStatement(RECHECKS_DUE)) {
            due.setLong(1, within.toSeconds());
            try (ResultSet row = due.executeQuery()) {
                row.next();
                return new Rechecks(row.getLong(1), row.getObject(2, OffsetDateTime.class));
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Incidents of the run's tenants. */
    long incidents() {
        try (PreparedStatement count = db.prepareStatement(INCIDENTS)) {
            count.setArray(1, tenantArray());
            return single(count);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /**
     * What triage counted for each fingerprint of the run's tenants against what was sent.
     *
     * @param sum       the occurrences of all the fingerprints
     * @param rows      fingerprints triage knows
     * @param wrong     fingerprints counted more or less often than they were sent
     * @param missing   fingerprints sent and not known
     * @param unknown   fingerprints known and never sent
     * @param example   one fingerprint that is wrong or unknown, or null
     */
    record Verdict(long sum, long rows, long wrong, long missing, long unknown, String example) {
        boolean exact(TriageBenchPlan plan) {
            return sum == plan.alerts() && wrong == 0 && missing == 0 && unknown == 0;
        }
    }

    /** Reads every fingerprint's count (streamed, page by page) and compares it with {@code plan}. */
    Verdict verify(TriageBenchPlan plan) {
        Map<String, Integer> tenantIndex = new HashMap<>();
        for (int t = 0; t < tenants.size(); t++) {
            tenantIndex.put(tenants.get(t), t);
        }
        long rows = 0;
        long sum = 0;
        long wrong = 0;
        long unknown = 0;
        String example = null;
        try {
            db.setAutoCommit(false); // or the driver reads all rows at once, whatever the fetch size
            try (PreparedStatement counts = db.prepareStatement(COUNTS)) {
                counts.setArray(1, tenantArray());
                counts.setFetchSize(10_000);
                try (ResultSet row = counts.executeQuery()) {
                    while (row.next()) {
                        rows++;
                        long occurrences = row.getLong("occurrences");
                        sum += occurrences;
                        long alert = alertNumber(row.getString("resource"));
                        String which = row.getString("tenant") + " " + row.getString("resource");
                        if (alert < 0 || alert >= plan.distinct()
                                || plan.tenantOf(alert) != tenantIndex.get(row.getString("tenant"))) {
                            unknown++;
                            example = example != null ? example : which + " was never sent";
                        } else if (occurrences != plan.occurrencesOf(alert)) {
                            wrong++;
                            example = example != null ? example : which + " counted " + occurrences + " times, sent "
                                    + plan.occurrencesOf(alert);
                        }
                    }
                }
            } finally {
                db.rollback();
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return new Verdict(sum, rows, wrong, plan.distinct() - (rows - unknown), unknown, example);
    }

    @Override
    public void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private OffsetDateTime settled() {
        try (PreparedStatement settled = db.prepareStatement(SETTLED); ResultSet row = settled.executeQuery()) {
            row.next();
            return row.getObject(1, OffsetDateTime.class);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private Array tenantArray() throws SQLException {
        return db.createArrayOf("text", tenants.toArray());
    }

    /** The number of a benchmark alert from its resource, {@code host-<n>}; -1 for any other resource. */
    private static long alertNumber(String resource) {
        return resource != null && resource.matches("host-\\d{1,18}")
                ? Long.parseLong(resource.substring("host-".length())) : -1;
    }

    private static long single(PreparedStatement query) throws SQLException {
        try (ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static StackException failure(SQLException e) {
        return new StackException("could not read triage's database " + Service.TRIAGE.database() + ": "
                + e.getMessage());
    }
}
