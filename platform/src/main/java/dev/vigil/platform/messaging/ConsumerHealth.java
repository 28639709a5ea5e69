package dev.vigil.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Which consumers are holding a batch they cannot apply yet, and how many events came in again. While one is, the service is not ready (so a load
 * balancer and the operator see it), every failed try counts in {@code vigil_consumer_retries_total} and the
 * stall shows in {@code vigil_consumer_stalled}. The log says ERROR when a stall starts and every
 * {@link #REMIND_EVERY} while it lasts, not once per try.
 */
@Readiness
@Default // @Readiness is a qualifier; the processor and dead letters inject this bean without it
@ApplicationScoped
@IfBuildProperty(name = "vigil.consumers.enabled", stringValue = "true")
public class ConsumerHealth implements HealthCheck {
    private static final Logger LOG = Logger.getLogger(ConsumerHealth.class);
    static final Duration REMIND_EVERY = Duration.ofSeconds(30);

    private final MeterRegistry metrics;
    private final Map<String, Stall> stalls = new ConcurrentHashMap<>();

    private static final class Stall {
        final Instant since = Instant.now();
        Instant lastLogged = Instant.MIN;
        long tries;
        String lastFailure;
    }

    public ConsumerHealth(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    /** A try to apply (or park) a batch of {@code channel} failed and will be repeated. */
    public void retrying(String channel, int records, Throwable failure) {
        metrics.counter("vigil.consumer.retries", "channel", channel).increment();
        Stall stall = stalls.computeIfAbsent(channel, c -> {
            // registering the same gauge again returns the existing one
            metrics.gauge("vigil.consumer.stalled", Tags.of("channel", c), stalls, s -> s.containsKey(c) ? 1 : 0);
            return new Stall();
        });
        Instant now = Instant.now();
        boolean remind;
        synchronized (stall) {
            stall.tries++;
            stall.lastFailure = ApplyFailure.describe(failure);
            remind = Duration.between(stall.lastLogged, now).compareTo(REMIND_EVERY) >= 0;
            if (remind) {
                stall.lastLogged = now;
            }
        }
        if (remind) {
            LOG.errorf("%s cannot apply a batch of %d record(s) for %ds (%d tries); holding its partitions and"
                    + " retrying: %s", channel, records, Duration.between(stall.since, now).toSeconds(), stall.tries,
                    stall.lastFailure);
        }
    }

    /**
     * Counts events of an applied batch that the inbox had seen before ({@code vigil_consumer_redelivered_total}):
     * the trace a crash, a rebalance or a re-drive leaves.
     */
    public void redelivered(String channel, int events) {
        if (events > 0) {
            metrics.counter("vigil.consumer.redelivered", "channel", channel).increment(events);
        }
    }

    /** A batch of {@code channel} was applied: any stall is over. */
    public void applied(String channel) {
        Stall ended = stalls.remove(channel);
        if (ended != null) {
            LOG.warnf("%s is applying again after %ds and %d failed tries", channel,
                    Duration.between(ended.since, Instant.now()).toSeconds(), ended.tries);
        }
    }

    public boolean isStalled(String channel) {
        return stalls.containsKey(channel);
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("vigil-consumers").status(stalls.isEmpty());
        stalls.forEach((channel, stall) -> response.withData(channel, "retrying since " + stall.since + " ("
                + stall.tries + " tries): " + stall.lastFailure));
        return response.build();
    }
}
