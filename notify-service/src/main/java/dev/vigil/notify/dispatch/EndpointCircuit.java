package dev.vigil.notify.dispatch;

import dev.vigil.notify.Attempt;
import dev.vigil.notify.DueDelivery;
import dev.vigil.notify.config.NotifyConfig;
import dev.vigil.notify.store.EndpointStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Keeps each endpoint's circuit breaker ({@code vigil.notify.breaker}) from the outcome of every attempt: failures in
 * a row that say the receiver cannot take deliveries pause it, any answer that says it can closes it. The state lives
 * in the endpoint's row, so every replica pauses the endpoint together, and claims honour it.
 */
@ApplicationScoped
public class EndpointCircuit {
    private static final Logger LOG = Logger.getLogger(EndpointCircuit.class);

    private final EndpointStore endpoints;
    private final NotifyConfig.Breaker config;
    private final MeterRegistry metrics;

    public EndpointCircuit(EndpointStore endpoints, NotifyConfig config, MeterRegistry metrics) {
        this.endpoints = endpoints;
        this.config = config.breaker();
        this.metrics = metrics;
    }

    /** The failures in a row after which an endpoint is paused, then probed one delivery at a time. */
    public int threshold() {
        return config.failures();
    }

    public Uni<Void> record(DueDelivery delivery, Attempt attempt) {
        if (attempt.unavailable()) {
            return endpoints.recordFailure(delivery.endpointId(), config.failures(), config.pause(), config.maxPause())
                    .invoke(paused -> paused.ifPresent(until -> {
                        metrics.counter("vigil.notify.endpoint.paused").increment();
                        LOG.infof("pausing endpoint %s of tenant %s until %s: %d or more attempts in a row failed,"
                                + " the last with %s", delivery.endpointId(), delivery.tenant(), until,
                                config.failures(), attempt.error());
                    }))
                    .replaceWithVoid();
        }
        // it answered. An endpoint that had not failed when this was claimed costs no write: most never fail, and a
        // failure that came meanwhile is cleared by the next success, claimed after it
        boolean answered = attempt.statusCode() != 0;
        return answered && delivery.endpointFailures() > 0
                ? endpoints.recordSuccess(delivery.endpointId())
                : Uni.createFrom().voidItem();
    }
}
