package dev.vigil.ingest;

import dev.vigil.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** One {@link TokenBucket} per tenant on this replica, so that one noisy tenant cannot take the others' share. */
@ApplicationScoped
public class TenantRates {
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final IngestConfig.Rate rate;

    public TenantRates(IngestConfig config) {
        this.rate = config.rate();
    }

    /**
     * Empty if the tenant may publish {@code alerts} now; otherwise how long until it may.
     *
     * @throws TooManyAlertsException when {@code alerts} exceed the burst: such a request could never pass
     */
    public Optional<Duration> waitFor(String tenant, int alerts) {
        if (alerts > rate.burst()) {
            throw new TooManyAlertsException(rate.burst(), alerts);
        }
        long now = System.nanoTime();
        long nanos = buckets.computeIfAbsent(tenant, t -> new TokenBucket(rate.alertsPerSecond(), rate.burst(), now))
                .take(alerts, now);
        return nanos == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(nanos));
    }
}
