package dev.vigil.devstack;

import dev.vigil.contracts.CloudEventHeaders;
import dev.vigil.contracts.EventIds;
import dev.vigil.contracts.IncidentChange;
import dev.vigil.contracts.IncidentDecision;
import dev.vigil.contracts.IncidentEvent;
import dev.vigil.contracts.IncidentStatus;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.Keys;
import dev.vigil.contracts.Severity;
import dev.vigil.contracts.Topics;
import dev.vigil.devstack.DrainRates.Sample;
import dev.vigil.testsupport.DevTokens;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Measures notify alone: confirmed incident events are produced straight onto {@link Topics#INCIDENTS}, as triage
 * publishes them, and a receiver in this process ({@link DeliveryClock}) notes when each signed webhook arrives. The
 * time from producing an event to its webhook arriving is its latency (an upper bound of "consumed to received": the
 * broker's hand-over is in it). After a warm-up, not measured, that lasts until the services have compiled their hot
 * code (see {@link #warmUp}), three parts, the first two each once the services behind notify caught up:
 * <ol>
 * <li>latency at a steady rate, to fast receivers;</li>
 * <li>deliveries/s at saturation: a backlog produced at once, drained;</li>
 * <li>fairness: one tenant's receiver answers in {@link DeliveryClock#SLOW_ANSWER} with a backlog queued, and another
 * tenant's messages to a fast receiver are timed meanwhile.</li>
 * </ol>
 * Each run registers endpoints for tenants of its own ({@code nbench-<run>-<n>}) and deletes them at the end, so
 * what is still queued for the slow one is given up rather than sent to a receiver that is gone.
 */
final class NotifyBenchmark {
    static final String TENANT_PREFIX = "nbench-";
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Duration ARRIVAL_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(1);
    private static final int FAIRNESS_MESSAGES = 20;
    /** webhooks a warm-up round sends at once. */
    private static final int WARM_UP_ROUND = 10_000;
    private static final int WARM_UP_ROUNDS_AT_MOST = 15;
    /** the share of a round's time the services may spend compiling, all together, once they count as warm. */
    private static final double WARM_COMPILING_SHARE = 0.1;
    /** the services whose JIT compilers the warm-up waits for: notify and those that follow its work. */
    private static final List<Service> WARMING = List.of(Service.NOTIFY, Service.TRIAGE, Service.RUNBOOK);
    /** the consumer groups that follow notify's work, with the topic each reads. */
    private static final Map<String, String> DOWNSTREAM = Map.of(
            "vigil-runbook", Topics.INCIDENTS,
            "vigil-triage-notifications", Topics.NOTIFICATIONS,
            "vigil-runbook-notifications", Topics.NOTIFICATIONS);

    private final Stack stack;
    private final PrintStream out;
    private final Api api = new Api();
    private final DevTokens tokens;

    NotifyBenchmark(Stack stack, PrintStream out) {
        this.stack = stack;
        this.out = out;
        this.tokens = stack.tokens();
    }

    /** One registered endpoint of the run. */
    private record Target(String tenant, UUID endpointId) {
    }

    /** An event ready to produce, and the webhook it should become. */
    private record Prepared(ProducerRecord<String, String> record, String webhookId) {
    }

    /** An event produced, and the webhook it should become. */
    private record Sent(String webhookId, long producedNanos) {
    }

    void run(int rate, int seconds, int backlog, int tenants, int slowBacklog) {
        String run = TENANT_PREFIX + RUN_ID.format(ZonedDateTime.now(ZoneOffset.UTC));
        List<Target> registered = new ArrayList<>();
        try (DeliveryClock clock = DeliveryClock.start(); KafkaProducer<String, String> producer = producer()) {
            List<Target> fast = new ArrayList<>();
            for (int t = 1; t <= tenants; t++) {
                fast.add(register(clock, run + "-" + t, "/fast/"));
            }
            registered.addAll(fast);
            out.printf("%s: %d tenants, each with an endpoint at a fast receiver in this process%n", run, tenants);
            warmUp(clock, producer, fast);

            out.printf("%n1. latency: %d confirmed incidents/s for %d s, spread over the tenants%n", rate, seconds);
            List<Sent> steady = produceAtRate(producer, fast, rate, seconds);
            Latencies latency = awaitArrivals(clock, steady);
            out.printf("   %s%n", latency);
            out.printf("   (the services behind notify caught up in %.1f s)%n", settle());

            out.printf("%n2. saturation: %,d confirmed incidents produced at once%n", backlog);
            // built beforehand, so the drain's first seconds do not also pay for this process writing the events
            List<Prepared> backlogEvents = prepare(fast, backlog);
            long before = clock.received();
            long started = System.nanoTime();
            List<Sent> burst = produce(producer, backlogEvents);
            report(drain(clock, before, backlog, started));
            awaitArrivals(clock, burst);

            Target slow = register(clock, run + "-slow", "/slow/");
            registered.add(slow);
            Target other = fast.get(0);
            out.printf("%n3. fairness: %,d incidents for %s, whose receiver answers in %d s; then %d for %s%n",
                    slowBacklog, slow.tenant(), DeliveryClock.SLOW_ANSWER.toSeconds(), FAIRNESS_MESSAGES,
                    other.tenant());
            produce(producer, List.of(slow), slowBacklog);
            sleep(Duration.ofSeconds(2)); // the slow backlog is claimed and in flight
            Latencies fair = awaitArrivals(clock, produce(producer, List.of(other), FAIRNESS_MESSAGES));
            out.printf("   %s's messages: %s%n", other.tenant(), fair);
            out.printf("   the slow receiver had at most %d deliveries in flight at once%n", clock.mostSlowInFlight());
            if (clock.unverified() > 0) {
                throw new StackException("FAIL: " + clock.unverified() + " webhooks had no valid signature");
            }
            out.printf("%nevery webhook's signature verified%n");
        } finally {
            String supervisor = tokens.staffToken("supervisor", List.of(DevTokens.ALL_TENANTS));
            registered.forEach(target -> api.delete(stack.layout().serviceUrl(Service.NOTIFY) + "/v1/endpoints/"
                    + target.endpointId(), supervisor));
        }
    }

    /**
     * Sends rounds of {@link #WARM_UP_ROUND} webhooks at once, each until the services behind notify caught up, until
     * the services spent less than {@link #WARM_COMPILING_SHARE} of a round compiling. A fixed count of webhooks did
     * not warm them: after 20,000, notify still spent more CPU in its JIT compiler than in its work over the next
     * 60,000, and the figures measured the compiler. Each round's rate is printed, the first being a cold start's.
     */
    private void warmUp(DeliveryClock clock, KafkaProducer<String, String> producer, List<Target> targets) {
        out.printf("warming up: rounds of %,d webhooks at once until the services are compiled, not measured%n",
                WARM_UP_ROUND);
        for (int round = 1; round <= WARM_UP_ROUNDS_AT_MOST; round++) {
            Duration compiledBefore = CompileTime.of(api, stack.layout(), WARMING);
            long started = System.nanoTime();
            awaitArrivals(clock, produce(producer, targets, WARM_UP_ROUND));
            double sent = (System.nanoTime() - started) / 1e9;
            settle();
            double took = (System.nanoTime() - started) / 1e9;
            double compiled = CompileTime.of(api, stack.layout(), WARMING).minus(compiledBefore).toMillis() / 1e3;
            out.printf("   round %d: %,.0f webhooks/s; in its %.1f s, the three services compiled for %.1f s in all%n",
                    round, WARM_UP_ROUND / sent, took, compiled);
            if (compiled < WARM_COMPILING_SHARE * took) {
                return;
            }
        }
        out.printf("   still compiling after %d rounds: the figures below include it%n", WARM_UP_ROUNDS_AT_MOST);
    }

    /**
     * Waits until the services behind notify caught up with what the last part sent: runbook reads every incident
     * event, and triage and runbook every delivery's outcome. Measured while they still work through the warm-up's
     * thousands, the next part would time their backlog, not notify.
     *
     * @return the seconds it took
     */
    private double settle() {
        long started = System.nanoTime();
        Instant deadline = Instant.now().plus(ARRIVAL_TIMEOUT);
        sleep(Duration.ofSeconds(1)); // the last outcomes leave notify's outbox
        while (behind() > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new StackException("the services behind notify did not catch up within " + ARRIVAL_TIMEOUT
                        .toSeconds() + " s (" + behind() + " events unread)");
            }
            sleep(Duration.ofMillis(250));
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /** Events not yet read by the consumers that follow notify's work. */
    private long behind() {
        String kafka = stack.layout().kafkaBootstrap();
        return DOWNSTREAM.entrySet().stream()
                .mapToLong(group -> ConsumerLag.of(kafka, group.getKey(), group.getValue())).sum();
    }

    private Target register(DeliveryClock clock, String tenant, String prefix) {
        String path = prefix + tenant;
        Api.Reply created = api.post(stack.layout().serviceUrl(Service.NOTIFY) + "/v1/endpoints",
                tokens.token("supervisor", tenant), Json.write(Map.of("tenant", tenant, "url", clock.url(path))));
        if (!created.ok()) {
            throw new StackException("registering an endpoint answered " + created.status() + ": " + created.body());
        }
        clock.expect(path, created.body().path("secret").asText());
        return new Target(tenant, UUID.fromString(created.body().path("id").asText()));
    }

    private List<Sent> produceAtRate(KafkaProducer<String, String> producer, List<Target> targets, int rate,
            int seconds) {
        List<Sent> sent = new ArrayList<>();
        long started = System.nanoTime();
        long total = (long) rate * seconds;
        for (long i = 0; i < total; i++) {
            long due = started + i * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                sleep(Duration.ofNanos(wait));
            }
            sent.add(send(producer, prepare(targets.get((int) (i % targets.size())))));
        }
        producer.flush();
        return sent;
    }

    private List<Sent> produce(KafkaProducer<String, String> producer, List<Target> targets, int count) {
        return produce(producer, prepare(targets, count));
    }

    private static List<Sent> produce(KafkaProducer<String, String> producer, List<Prepared> events) {
        List<Sent> sent = new ArrayList<>(events.size());
        events.forEach(event -> sent.add(send(producer, event)));
        producer.flush();
        return sent;
    }

    /** {@code count} events spread over the targets in turn. */
    private static List<Prepared> prepare(List<Target> targets, int count) {
        List<Prepared> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(prepare(targets.get(i % targets.size())));
        }
        return events;
    }

    private static Sent send(KafkaProducer<String, String> producer, Prepared event) {
        long now = System.nanoTime();
        producer.send(event.record());
        return new Sent(event.webhookId(), now);
    }

    private static Prepared prepare(Target target) {
        IncidentEvent event = confirmed(target.tenant());
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.INCIDENTS,
                Keys.incident(event.tenant(), event.incidentId()), Json.write(event));
        Map.of("ce_specversion", "1.0",
                CloudEventHeaders.ID, event.eventId().toString(),
                CloudEventHeaders.TYPE, event.eventType(),
                CloudEventHeaders.SOURCE, "urn:vigil:bench-notify",
                CloudEventHeaders.TENANT, event.tenant(),
                "content-type", "application/json")
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        // the delivery's id, which the receiver sees as webhook-id, derives from the event and the endpoint
        return new Prepared(record, EventIds.derived(event.eventId(), "delivery", target.endpointId().toString())
                .toString());
    }

    /** A confirmed incident, as triage publishes one once a person confirmed it. */
    private static IncidentEvent confirmed(String tenant) {
        Instant now = Instant.now();
        UUID incident = UUID.randomUUID();
        IncidentDecision decision = IncidentDecision.NONE.dueAt(now.plusSeconds(600))
                .acknowledged("bench.operator", now.minusSeconds(30))
                .confirmed("bench.operator", now, null, true);
        return new IncidentEvent(UUID.randomUUID(), IncidentChange.CONFIRMED, tenant, incident,
                IncidentStatus.CONFIRMED, "fp-" + incident, "prometheus", "web-01", "http", Severity.CRITICAL,
                "HTTP probe failed", Map.of("region", "eu-west"), 3, now.minusSeconds(120), now, null, decision,
                "bench.operator", null);
    }

    private Latencies awaitArrivals(DeliveryClock clock, Collection<Sent> sent) {
        long deadline = System.nanoTime() + ARRIVAL_TIMEOUT.toNanos();
        List<Long> nanos = new ArrayList<>(sent.size());
        for (Sent one : sent) {
            Long arrived;
            while ((arrived = clock.arrived(one.webhookId())) == null) {
                if (System.nanoTime() > deadline) {
                    throw new StackException("FAIL: webhook " + one.webhookId() + " did not arrive within "
                            + ARRIVAL_TIMEOUT.toSeconds() + " s; see ./vigil logs notify");
                }
                sleep(Duration.ofMillis(20));
            }
            nanos.add(arrived - one.producedNanos());
        }
        return Latencies.of(nanos);
    }

    /** Samples the webhooks received each second until {@code expected} more than {@code before} arrived. */
    private List<Sample> drain(DeliveryClock clock, long before, long expected, long started) {
        List<Sample> samples = new ArrayList<>(List.of(new Sample(0, 0)));
        long deadline = started + ARRIVAL_TIMEOUT.toNanos();
        for (int tick = 1; ; tick++) {
            sleep(Duration.ofNanos(started + tick * SAMPLE_EVERY.toNanos() - System.nanoTime()));
            long arrived = clock.received() - before;
            samples.add(new Sample((System.nanoTime() - started) / 1e9, arrived));
            if (arrived >= expected) {
                return samples;
            }
            if (System.nanoTime() > deadline) {
                throw new StackException("FAIL: " + arrived + " of " + expected + " webhooks arrived within "
                        + ARRIVAL_TIMEOUT.toSeconds() + " s; see ./vigil logs notify");
            }
        }
    }

    private void report(List<Sample> samples) {
        DrainRates rates = DrainRates.of(samples);
        out.printf("   %,d webhooks in %.1f s: %,.0f/s on average%n", rates.applied(), rates.seconds(),
                rates.average());
        rates.warm().ifPresent(warm -> out.printf("   warm: %,.0f/s from %.1f s to %.1f s%n", warm.perSecond(),
                warm.from(), warm.to()));
        rates.peak().ifPresent(peak -> out.printf("   best %.0f s: %,.0f/s%n", DrainRates.WINDOW, peak.perSecond()));
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(config);
    }

    private KafkaProducer<String, String> producer() {
        return producer(stack.layout().kafkaBootstrap());
    }

    /** p50, p99 and the slowest of a set of latencies. */
    record Latencies(int count, double p50Millis, double p99Millis, double maxMillis) {
        static Latencies of(List<Long> nanos) {
            List<Long> sorted = nanos.stream().sorted().toList();
            return new Latencies(sorted.size(), millis(sorted, 0.50), millis(sorted, 0.99),
                    sorted.get(sorted.size() - 1) / 1e6);
        }

        /** nearest rank */
        private static double millis(List<Long> sorted, double quantile) {
            int rank = (int) Math.ceil(quantile * sorted.size());
            return sorted.get(Math.max(0, rank - 1)) / 1e6;
        }

        @Override
        public String toString() {
            return String.format("%,d webhooks, produced to received: p50 %.0f ms, p99 %.0f ms, max %.0f ms", count,
                    p50Millis, p99Millis, maxMillis);
        }
    }

    private static void sleep(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted");
        }
    }
}
