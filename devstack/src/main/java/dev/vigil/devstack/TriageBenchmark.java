package dev.vigil.devstack;

import dev.vigil.contracts.Topics;
import dev.vigil.devstack.DrainRates.Rate;
import dev.vigil.devstack.DrainRates.Sample;
import java.io.PrintStream;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures how fast triage applies alerts, warm, and checks that it counted each exactly once. Triage is stopped,
 * exactly N alerts are posted through {@code POST /v1/alerts} (a backlog on {@code vigil.alerts}), triage is started
 * again, and the alerts it has applied are counted every second ({@link TriageCounts}) until they reach N and the
 * occurrences its alert states hold for the run's tenants are N too. Then every fingerprint's count is compared
 * with the number of times it was sent ({@link TriageBenchPlan}).
 *
 * <p>Each run posts as tenants of its own, {@code tbench-<run>-<n>} with the run the UTC time it began, so runs on
 * one stack never count each other's alerts. Each request carries an {@code Idempotency-Key} of its own, so every
 * alert is a distinct event, even the same alert sent again, and a request retried after an error republishes the
 * same event ids, which triage's inbox applies once: the total stays exact whatever ingest answered.
 */
final class TriageBenchmark {
    static final String TENANT_PREFIX = "tbench-";
    static final int CONNECTIONS = 8;
    static final int BATCH = 100;
    /** triage's consumer group on {@code vigil.alerts} ({@code alerts-in} in its application.properties). */
    private static final String TRIAGE_GROUP = "vigil-triage";
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(1);
    private static final Duration NO_PROGRESS = Duration.ofSeconds(60);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration SETTLE = Duration.ofSeconds(3);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(10);
    /** rechecks due this soon are likely to fall in the drain. */
    private static final Duration RECHECKS_AHEAD = Duration.ofMinutes(5);
    /** a request that fails (no answer, 5xx) is tried this often in all; a refusal for the rate (429) always again. */
    private static final int ATTEMPTS = 5;

    /** {@code --mix}: which alerts make up the backlog. */
    enum Mix {
        /** every alert a new fingerprint: each opens an alert state (triage's worst case). */
        NEW,
        /** the same {@code --fingerprints} alerts in turn, all firing: repeats folded into their states. */
        REPEAT;

        static final class Name extends EnumName<Mix> {
            Name() {
                super(Mix.class);
            }
        }
    }

    private final Stack stack;
    private final PrintStream out;
    private final IngestTenants ingestTenants;

    TriageBenchmark(Stack stack, PrintStream out) {
        this.stack = stack;
        this.out = out;
        this.ingestTenants = new IngestTenants(stack);
    }

    /** @param fingerprints how many distinct alerts {@link Mix#REPEAT} cycles through; ignored for {@link Mix#NEW} */
    void run(int alerts, Mix mix, int fingerprints, int tenants) {
        TriageBenchPlan plan = new TriageBenchPlan(alerts, mix == Mix.NEW ? alerts : fingerprints, tenants, BATCH);
        String run = TENANT_PREFIX + RUN_ID.format(ZonedDateTime.now(ZoneOffset.UTC));
        List<String> ids = new ArrayList<>();
        for (int t = 1; t <= tenants; t++) {
            ids.add(run + "-" + t);
        }
        out.printf("%s: %,d alerts, %s, from %d tenant(s) %s-1..%d, %d connections x %d alerts per request%n", run,
                alerts, mix == Mix.NEW ? "every one a new fingerprint" : String.format("%,d fingerprints in turn, all"
                        + " firing", plan.distinct()), tenants, run, tenants, CONNECTIONS, BATCH);
        List<String> keys = ids.stream().map(id -> ingestTenants.keyFor(id, "Triage benchmark " + id, "bench-triage"))
                .toList();

        try (TriageCounts counts = new TriageCounts(stack.postgres(), ids)) {
            awaitTriageCaughtUp();
            warnOfRechecks(counts);
            stack.stop(Service.TRIAGE);
            try {
                post(plan, keys, run);
            } catch (RuntimeException e) {
                stack.start(Service.TRIAGE); // as it was
                throw e;
            }
            out.printf("triage's backlog on %s: %,d records%n", Topics.ALERTS, lag());

            report(drain(counts, alerts));
            long raised = counts.incidents();
            if (raised > 0) {
                out.printf("note: triage raised %,d incidents of the run's alerts during the drain (alerts held "
                        + "longer than the pending period): that work is in the figures%n", raised);
            }
            sleep(SETTLE); // an alert applied twice would show now
            TriageCounts.Verdict verdict = counts.verify(plan);
            print(verdict, plan);
            if (!verdict.exact(plan)) {
                throw new StackException("FAIL: triage's counts are not exact (see above)");
            }
        }
    }

    /** Alerts posted before the run and not applied yet would be applied first and taken for the run's. */
    private void awaitTriageCaughtUp() {
        long lag = lag();
        if (lag == 0) {
            return;
        }
        out.printf("triage has %,d alerts from before still to apply; waiting until it has applied them%n", lag);
        long least = lag;
        long progressAt = System.nanoTime();
        long reportAt = progressAt + REPORT_EVERY.toNanos();
        while (lag > 0) {
            sleep(SAMPLE_EVERY);
            lag = lag();
            long now = System.nanoTime();
            if (lag < least) {
                least = lag;
                progressAt = now;
            } else if (now - progressAt > NO_PROGRESS.toNanos()) {
                throw new StackException("triage applied none of its " + lag + " alerts from before for "
                        + NO_PROGRESS.toSeconds() + " s; see ./vigil logs triage");
            }
            if (now > reportAt) {
                out.printf("  %,d still to apply%n", lag);
                reportAt = now + REPORT_EVERY.toNanos();
            }
        }
    }

    /**
     * Alerts of earlier runs held by the pending period are raised into incidents when it passes, 5 minutes after
     * they came: triage does that while it drains this run, and the figures show it.
     */
    private void warnOfRechecks(TriageCounts counts) {
        TriageCounts.Rechecks due = counts.rechecksDue(RECHECKS_AHEAD);
        if (due.due() > 0) {
            out.printf("warning: %,d alert states (of earlier runs, held by the pending period) are due for a recheck "
                    + "by %s; triage raises them into incidents while it drains this run, which slows it. For figures "
                    + "free of that, run again once this warning is gone%n", due.due(),
                    due.last().atZoneSameInstant(ZoneOffset.UTC).toLocalTime().withNano(0) + " UTC");
        }
    }

    private long lag() {
        return ConsumerLag.of(stack.layout().kafkaBootstrap(), TRIAGE_GROUP, Topics.ALERTS);
    }

    /** Posts the plan's requests, each until ingest accepts it (202); only accepted alerts count. */
    private void post(TriageBenchPlan plan, List<String> keys, String run) {
        AlertPosts posts = new AlertPosts(stack.layout().serviceUrl(Service.INGEST) + BenchFormat.NATIVE.path());
        List<TriageBenchPlan.Batch> batches = plan.batches();
        AtomicInteger next = new AtomicInteger();
        AtomicLong accepted = new AtomicLong();
        AtomicLong rateLimited = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long started = System.nanoTime();
        AtomicLong reportAt = new AtomicLong(started + REPORT_EVERY.toNanos());
        out.printf("posting %,d alerts in %,d requests while triage is stopped%n", plan.alerts(), batches.size());
        AlertPosts.inParallel(CONNECTIONS, connection -> {
            for (int i = next.getAndIncrement(); i < batches.size(); i = next.getAndIncrement()) {
                TriageBenchPlan.Batch batch = batches.get(i);
                String body = BenchFormat.NATIVE.body(plan.alertsOf(batch));
                Map<String, String> headers = Map.of("Idempotency-Key", run + "-" + batch.number());
                untilAccepted(posts, keys.get(batch.tenant()), body, headers, batch.number(), rateLimited, failed);
                long done = accepted.addAndGet(batch.size());
                long now = System.nanoTime();
                long due = reportAt.get();
                if (now > due && reportAt.compareAndSet(due, now + REPORT_EVERY.toNanos())) {
                    out.printf("  %,d accepted after %.0f s%n", done, (now - started) / 1e9);
                }
            }
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        if (accepted.get() != plan.alerts()) {
            throw new StackException("ingest accepted " + accepted.get() + " alerts, not " + plan.alerts());
        }
        out.printf("ingest accepted %,d alerts in %.1f s (%,.0f/s); requests refused for the rate (429) and sent "
                + "again: %d, failed and sent again: %d%n", accepted.get(), seconds, accepted.get() / seconds,
                rateLimited.get(), failed.get());
    }

    private static void untilAccepted(AlertPosts posts, String key, String body, Map<String, String> headers,
            int number, AtomicLong rateLimited, AtomicLong failed) {
        int failures = 0;
        while (true) {
            AlertPosts.Answer answer = posts.post(key, body, headers);
            if (answer.status() == 202) {
                return;
            }
            if (answer.status() == 429) {
                rateLimited.incrementAndGet();
                sleep(answer.retryAfter());
                continue;
            }
            boolean retryable = !answer.answered() || answer.status() >= 500;
            if (!retryable || ++failures == ATTEMPTS) {
                throw new StackException("ingest " + (answer.answered() ? "answered " + answer.status()
                        : "did not answer") + " to request " + number + (retryable ? ", " + ATTEMPTS + " times" : "")
                        + "; see ./vigil logs ingest");
            }
            failed.incrementAndGet();
            sleep(Duration.ofSeconds(failures));
        }
    }

    /**
     * Starts triage and counts what it has applied every second until it has applied {@code target} alerts and
     * the run's alert states hold {@code target} occurrences.
     *
     * @return the samples of the drain: from the last one before the first applied alert to the one that saw all
     */
    private Drain drain(TriageCounts counts, long target) {
        counts.startCounting();
        Sample previous = new Sample(0, 0);
        long started = System.nanoTime();
        stack.start(Service.TRIAGE);
        out.println("started triage; every second, the alerts it has applied since (rows of its inbox)");
        List<Sample> samples = new ArrayList<>();
        double readyAt = -1;
        double progressAt = 0;
        long queryNanos = 0;
        for (int tick = 1; ; tick++) {
            sleepUntil(started + tick * SAMPLE_EVERY.toNanos());
            long queried = System.nanoTime();
            long applied = counts.applied();
            queryNanos += System.nanoTime() - queried;
            Sample sample = new Sample((queried - started) / 1e9, applied);
            if (readyAt < 0 && stack.ready(Service.TRIAGE)) {
                readyAt = sample.seconds();
                out.printf("triage ready after %.1f s%n", readyAt);
            }
            stack.failIfExited(Service.TRIAGE);
            if (samples.isEmpty() && applied > previous.applied()) {
                samples.add(previous);
                out.printf("%9s %12s %10s%n", "seconds", "applied", "per second");
                print(previous, null);
            }
            if (!samples.isEmpty()) {
                samples.add(sample);
                print(sample, previous);
            } else if (tick % REPORT_EVERY.toSeconds() == 0) {
                out.printf("  %.0f s: nothing applied yet%n", sample.seconds());
            }
            if (applied != previous.applied()) {
                progressAt = sample.seconds();
            }
            if (applied >= target && counts.occurrences() >= target) {
                return new Drain(samples, readyAt, queryNanos / tick);
            }
            if (readyAt < 0 && sample.seconds() > START_TIMEOUT.toSeconds()) {
                throw new StackException("triage was not ready " + START_TIMEOUT.toSeconds() + " s after it started;"
                        + " see ./vigil logs triage");
            }
            if (readyAt >= 0 && sample.seconds() - Math.max(readyAt, progressAt) > NO_PROGRESS.toSeconds()) {
                throw new StackException("triage applied nothing for " + NO_PROGRESS.toSeconds() + " s, with "
                        + String.format("%,d of %,d", applied, target) + " alerts applied and "
                        + String.format("%,d", counts.occurrences()) + " occurrences counted; see ./vigil logs triage");
            }
            previous = sample;
        }
    }

    /** The drain's samples, when triage answered as ready (seconds after its start) and a sample's cost. */
    private record Drain(List<Sample> samples, double readyAt, long queryNanos) {
    }

    private void print(Sample sample, Sample before) {
        out.printf("%9.1f %,12d %10s%n", sample.seconds(), sample.applied(), before == null ? ""
                : String.format("%,.0f", Rate.between(before, sample).perSecond()));
    }

    private void report(Drain drain) {
        DrainRates rates = DrainRates.of(drain.samples());
        Sample first = drain.samples().get(0);
        Sample last = drain.samples().get(drain.samples().size() - 1);
        out.printf("drained: %,d alerts applied in %.1f s, from %.1f s (the last sample before the first applied "
                + "alert) to %.1f s after triage started; it was ready after %.1f s%n", rates.applied(),
                rates.seconds(), first.seconds(), last.seconds(), drain.readyAt());
        out.printf("average: %,.0f alerts/s over the whole drain%n", rates.average());
        rates.warm().ifPresentOrElse(
                warm -> out.printf("warm: %,.0f alerts/s from %.1f s to %.1f s (the first %.1f s of the drain left "
                        + "out: %.0f %% of it or %.0f s, whichever is more)%n", warm.perSecond(), warm.from(),
                        warm.to(), rates.warmUpSeconds(), DrainRates.WARM_UP_SHARE * 100, DrainRates.WARM_UP_LEAST),
                () -> out.printf("warm: not measured: after leaving out the first %.1f s of the drain (%.0f %% of it "
                        + "or %.0f s, whichever is more), less than %.0f s remained; post more alerts (--alerts)%n",
                        rates.warmUpSeconds(), DrainRates.WARM_UP_SHARE * 100, DrainRates.WARM_UP_LEAST,
                        DrainRates.WARM_LEAST));
        rates.peak().ifPresentOrElse(
                peak -> out.printf("peak %.0f s window: %,.0f alerts/s (%.1f s to %.1f s)%n", DrainRates.WINDOW,
                        peak.perSecond(), peak.from(), peak.to()),
                () -> out.printf("peak %.0f s window: none, the drain was shorter%n", DrainRates.WINDOW));
        out.printf("each sample took %.1f ms on average (its queries share PostgreSQL with triage)%n",
                drain.queryNanos() / 1e6);
    }

    /** PASS or FAIL, with the numbers. */
    private void print(TriageCounts.Verdict verdict, TriageBenchPlan plan) {
        long each = plan.alerts() / plan.distinct();
        long more = plan.alerts() % plan.distinct();
        String expected = String.format("%,d fingerprints, each counted %s", plan.distinct(), times(each))
                + (more == 0 ? "" : String.format(", the first %,d once more", more));
        if (verdict.exact(plan)) {
            out.printf("PASS: %,d occurrences counted for %,d alerts accepted; %s, as sent%n", verdict.sum(),
                    plan.alerts(), expected);
        } else {
            out.printf("FAIL: %,d occurrences counted for %,d alerts accepted, over %,d fingerprints; expected %s; "
                    + "%,d counted otherwise, %,d missing, %,d never sent%s%n", verdict.sum(), plan.alerts(),
                    verdict.rows(), expected, verdict.wrong(), verdict.missing(), verdict.unknown(),
                    verdict.example() == null ? "" : "; e.g. " + verdict.example());
        }
    }

    private static String times(long n) {
        return n == 1 ? "once" : String.format("%,d times", n);
    }

    private static void sleepUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            sleep(Duration.ofNanos(wait));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted");
        }
    }
}
