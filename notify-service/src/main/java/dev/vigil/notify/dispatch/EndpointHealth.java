package dev.vigil.notify.dispatch;

import dev.vigil.notify.Attempt;
import dev.vigil.notify.DueDelivery;
import dev.vigil.notify.config.NotifyConfig;
import dev.vigil.notify.store.EndpointLifecycle;
import dev.vigil.notify.store.EndpointStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Keeps each endpoint's health from the outcome of every attempt. Its circuit breaker ({@code vigil.notify.breaker}):
 * failures in a row that say the receiver cannot take deliveries pause it, any answer that says it can closes it. A
 * 410 Gone disables it and tells the tenant's staff. The state lives in the endpoint's row, so every replica acts on
 * it together, and claims honour it.
 */
@ApplicationScoped
public class EndpointHealth {
    private static final Logger LOG = Logger.getLogger(EndpointHealth.class);
    private static final int GONE = 410;

    private final EndpointStore endpoints;
    private final EndpointLifecycle lifecycle;
    private final NotifyConfig.Breaker config;
    private final MeterRegistry metrics;

    public EndpointHealth(EndpointStore endpoints, EndpointLifecycle lifecycle, NotifyConfig config,
            MeterRegistry metrics) {
        this.endpoints = endpoints;
        this.lifecycle = lifecycle;
        this.config = config.breaker();
        this.metrics = metrics;
    }

    /** The failures in a row after which an endpoint is paused, then probed one delivery at a time. */
    public int threshold() {
        return config.failures();
    }

    public Uni<Void> record(DueDelivery delivery, Attempt attempt) {
        if (attempt.statusCode() == GONE) {
            return lifecycle.disableGone(delivery.endpointId(), "its receiver answered 410 Gone")
                    .invoke(disabled -> disabled.ifPresent(endpoint -> {
                        metrics.counter("vigil.notify.endpoint.disabled").increment();
                        LOG.warnf("disabled endpoint %s (%s) of tenant %s: its receiver answered 410 Gone",
                                endpoint.id(), endpoint.audience().wireName(), endpoint.tenant());
                    }))
                    .replaceWithVoid();
        }
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
