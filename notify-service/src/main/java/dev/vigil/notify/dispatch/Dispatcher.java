package dev.vigil.notify.dispatch;

import dev.vigil.contracts.NotificationOutcome;
import dev.vigil.notify.Attempt;
import dev.vigil.notify.DeliveryPolicy;
import dev.vigil.notify.DeliveryStatus;
import dev.vigil.notify.DueDelivery;
import dev.vigil.notify.config.NotifyConfig;
import dev.vigil.notify.store.DeliveryStore;
import dev.vigil.platform.outbox.OutboxRelay;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries. Each round claims as many due rows as there are free sending slots (a lease in the
 * database, so replicas never send the same delivery at once), sends them side by side and records each
 * attempt as it ends, so one slow receiver does not hold up the others. Woken when the consumer committed
 * new deliveries and whenever a slot frees up; a poll is the safety net for retries that came due and for
 * wakes lost to a crash.
 */
@Startup
@ApplicationScoped
public class Dispatcher {
    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    private final DeliveryStore store;
    private final WebhookSender sender;
    private final DeliveryPolicy policy;
    private final OutboxRelay relay;
    private final Vertx vertx;
    private final NotifyConfig.Delivery config;
    private final MeterRegistry metrics;
    private final AtomicBoolean claiming = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private final AtomicInteger inFlight = new AtomicInteger();

    public Dispatcher(DeliveryStore store, WebhookSender sender, DeliveryPolicy policy, OutboxRelay relay,
            Vertx vertx, NotifyConfig config, MeterRegistry metrics) {
        if (config.delivery().lease().compareTo(config.delivery().timeout()) <= 0) {
            throw new IllegalStateException("vigil.notify.delivery.lease must exceed vigil.notify.delivery.timeout,"
                    + " or a slow receiver could be sent one delivery twice at once");
        }
        this.store = store;
        this.sender = sender;
        this.policy = policy;
        this.relay = relay;
        this.vertx = vertx;
        this.config = config.delivery();
        this.metrics = metrics;
    }

    /** Asks for a claim round soon; calls during a round coalesce into one more round. */
    public void wake() {
        wanted.set(true);
        if (claiming.compareAndSet(false, true)) {
            claimRound();
        }
    }

    @Scheduled(every = "${vigil.notify.delivery.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    private void claimRound() {
        wanted.set(false);
        int free = config.concurrency() - inFlight.get();
        if (free <= 0) {
            endRound(); // a finishing attempt wakes the next round
            return;
        }
        store.claimDue(free, config.lease()).subscribe().with(claimed -> {
            inFlight.addAndGet(claimed.size());
            claimed.forEach(this::attempt);
            if (claimed.size() == free) {
                wanted.set(true); // a full claim suggests more are due
            }
            endRound();
        }, failure -> {
            LOG.warnf("claiming due deliveries failed, the next poll retries: %s", failure.getMessage());
            endRound();
        });
    }

    private void endRound() {
        claiming.set(false);
        // a wake that raced with the end of the round must not be lost
        if (wanted.get() && claiming.compareAndSet(false, true)) {
            claimRound();
        }
    }

    private void attempt(DueDelivery delivery) {
        sender.send(delivery)
                .chain(attempt -> settle(delivery, attempt))
                .subscribe().with(done -> slotFreed(), failure -> {
                    LOG.warnf("recording an attempt of delivery %s failed; it is retried when its lease ends: %s",
                            delivery.id(), failure.getMessage());
                    slotFreed();
                });
    }

    private void slotFreed() {
        inFlight.decrementAndGet();
        wake();
    }

    private Uni<Void> settle(DueDelivery delivery, Attempt attempt) {
        DeliveryPolicy.Decision decision = policy.decide(delivery.attempts(), attempt, Instant.now());
        if (decision instanceof DeliveryPolicy.Retry retry) {
            count("retry");
            return store.reschedule(delivery, attempt, retry.delay())
                    .invoke(() -> wakeAfter(retry.delay()))
                    .replaceWithVoid();
        }
        boolean delivered = decision instanceof DeliveryPolicy.Delivered;
        if (!delivered) {
            LOG.infof("giving up delivery %s to endpoint %s after %d attempt(s): %s", delivery.id(),
                    delivery.endpointId(), delivery.attempts(), attempt.error());
        }
        count(delivered ? "delivered" : "failed");
        NotificationOutcome outcome = delivery.outcome(
                delivered ? NotificationOutcome.Result.DELIVERED : NotificationOutcome.Result.FAILED,
                attempt.statusCode(), Instant.now());
        return store.finish(delivery, attempt, delivered ? DeliveryStatus.DELIVERED : DeliveryStatus.FAILED, outcome)
                .invoke(finished -> {
                    if (finished) {
                        relay.wake();
                    }
                })
                .replaceWithVoid();
    }

    /** A retry due before the next poll gets a timer, so a short backoff is not stretched to the poll interval. */
    private void wakeAfter(Duration delay) {
        if (delay.compareTo(config.pollInterval()) < 0) {
            vertx.setTimer(Math.max(1, delay.toMillis()), timer -> wake());
        }
    }

    private void count(String result) {
        metrics.counter("vigil.notify.attempts", "result", result).increment();
    }
}
