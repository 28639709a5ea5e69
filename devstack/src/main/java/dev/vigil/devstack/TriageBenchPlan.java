package dev.vigil.devstack;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code bench-triage} posts: exactly {@code alerts} alerts over {@code distinct} different ones, numbered
 * 0 .. distinct - 1 as {@link BenchFormat} numbers them (alert n is host-n's, so each number is one fingerprint).
 * With every alert new, distinct equals alerts; with repeats, the distinct alerts are sent in turn, round after
 * round, so each is sent alerts / distinct times and the first alerts % distinct once more. Alert n belongs to
 * tenant n mod {@code tenants} (0-based), so a fingerprint's occurrences are all one tenant's and every request
 * carries one tenant's alerts.
 */
record TriageBenchPlan(int alerts, int distinct, int tenants, int batch) {

    TriageBenchPlan {
        if (alerts < 1 || distinct < 1 || tenants < 1 || batch < 1) {
            throw new IllegalArgumentException("alerts, distinct alerts, tenants and batch must be above zero");
        }
        if (distinct > alerts) {
            throw new IllegalArgumentException("more distinct alerts (" + distinct + ") than alerts (" + alerts + ")");
        }
    }

    /** One request: {@code size} alerts of one tenant, from position {@code from} of the alerts it is sent. */
    record Batch(int number, int tenant, long from, int size) {
    }

    /** How many times alert {@code alert} is sent, so how many occurrences triage must count for it. */
    long occurrencesOf(long alert) {
        return alerts / distinct + (alert < alerts % distinct ? 1 : 0);
    }

    int tenantOf(long alert) {
        return (int) (alert % tenants);
    }

    /** How many alerts {@code tenant} is sent in all. */
    long sentTo(int tenant) {
        int extra = alerts % distinct; // alerts 0 .. extra-1 are sent once more: of each tenant, its first ones
        return (long) (alerts / distinct) * countBelow(distinct, tenant) + countBelow(extra, tenant);
    }

    /** The alert at {@code position} of what {@code tenant} is sent: its own alerts, in order, round after round. */
    long alertAt(int tenant, long position) {
        return tenant + (long) tenants * (position % countBelow(distinct, tenant));
    }

    List<Long> alertsOf(Batch batch) {
        List<Long> numbers = new ArrayList<>(batch.size());
        for (long p = batch.from(); p < batch.from() + batch.size(); p++) {
            numbers.add(alertAt(batch.tenant(), p));
        }
        return numbers;
    }

    /** Every request, the tenants' in turn (one of each, then the next of each, ...), numbered from 0. */
    List<Batch> batches() {
        List<Batch> batches = new ArrayList<>();
        boolean more = true;
        for (long from = 0; more; from += batch) {
            more = false;
            for (int t = 0; t < tenants; t++) {
                long left = sentTo(t) - from;
                if (left > 0) {
                    batches.add(new Batch(batches.size(), t, from, (int) Math.min(batch, left)));
                    more = true;
                }
            }
        }
        return batches;
    }

    /** How many of the numbers 0 .. n-1 belong to {@code tenant}. */
    private long countBelow(long n, int tenant) {
        return n / tenants + (tenant < n % tenants ? 1 : 0);
    }
}
