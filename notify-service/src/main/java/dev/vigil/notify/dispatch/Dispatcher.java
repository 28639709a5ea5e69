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
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries. Each round claims as many due rows as there are free sending slots (a lease in the
 * database, so replicas never send the same delivery at once), a few per endpoint in turn and never more than an
 * endpoint's share in flight, sends them side by side and records each attempt as it ends, so one slow or failing
 * receiver does not hold up the others. Woken when the consumer committed new deliveries, when a retry comes due, and
 * when a freed sending slot may have something to take; a poll is the safety net for endpoints whose pause ended,
 * for leases that ran out and for wakes lost to a crash.
 *
 * <p>A claim costs about as much for one delivery as for dozens (it is planned anew and visits every endpoint), so
 * claims are saved two ways:
 * <ul>
 * <li>A freed slot claims only when something it could take may be due: the last claim filled every slot it had
 * (more was due than fit) or left an endpoint with its whole share in flight (its next deliveries wait for a slot),
 * a later delivery of the same incident to the same endpoint waited for this one, or this one was the single try
 * of an endpoint whose circuit was half open. Otherwise the last claim took everything due, and at a steady trickle
 * most slots free up with nothing to take.</li>
 * <li>While most slots are busy, freed slots gather until half of them are free, or for {@link #GATHER} at most,
 * and one claim fills them together. When notify is not busy a freed slot still claims at once.</li>
 * </ul>
 */
@Startup
@ApplicationScoped
public class Dispatcher {
    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    private static final int EXPIRED_PER_ROUND = 500;
    /** how long freed slots may gather before a claim fills them, while fewer than {@link #claimAtFree} are free. */
    private static final Duration GATHER = Duration.ofMillis(10);

    private final DeliveryStore store;
    private final Senders sender;
    private final DeliveryPolicy policy;
    private final OutboxRelay relay;
    private final Vertx vertx;
    private final NotifyConfig.Delivery config;
    private final MeterRegistry metrics;
    private final AtomicBoolean claiming = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();
    /** slots taken: deliveries in flight, and during a claim the slots it may fill. */
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean gathering = new AtomicBoolean();
    /**
     * the last claim filled every slot it had, or left an endpoint with its share in flight: more may be due than it
     * could take, so a freed slot claims again.
     */
    private final AtomicBoolean backlogLeft = new AtomicBoolean();
    private final int claimAtFree;
    /** this replica's deliveries in flight per endpoint, absent when none. */
    private final Map<UUID, Integer> inFlightByEndpoint = new ConcurrentHashMap<>();
    private final EndpointHealth health;
    private final FinishWriter finishes;

    public Dispatcher(DeliveryStore store, Senders sender, DeliveryPolicy policy, EndpointHealth health,
            FinishWriter finishes, OutboxRelay relay, Vertx vertx, NotifyConfig config, MeterRegistry metrics) {
        if (config.delivery().lease().compareTo(config.delivery().timeout()) <= 0) {
            throw new IllegalStateException("vigil.notify.delivery.lease must exceed vigil.notify.delivery.timeout,"
                    + " or a slow receiver could be sent one delivery twice at once");
        }
        this.store = store;
        this.sender = sender;
        this.policy = policy;
        this.health = health;
        this.finishes = finishes;
        this.relay = relay;
        this.vertx = vertx;
        this.config = config.delivery();
        this.metrics = metrics;
        this.claimAtFree = Math.max(1, this.config.concurrency() / 2);
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
        inFlight.addAndGet(free); // reserved, so slots freed meanwhile count what is really free
        store.claimDue(free, config.lease(), config.perEndpointConcurrency(), health.threshold(),
                Map.copyOf(inFlightByEndpoint)).subscribe().with(claimed -> {
            inFlight.addAndGet(claimed.size() - free);
            claimed.forEach(delivery -> inFlightByEndpoint.merge(delivery.endpointId(), 1, Integer::sum));
            backlogLeft.set(claimed.size() == free || inFlightByEndpoint.values().stream()
                    .anyMatch(n -> n >= config.perEndpointConcurrency()));
            claimed.forEach(this::attempt);
            endRound();
        }, failure -> {
            inFlight.addAndGet(-free);
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
                .call(attempt -> health.record(delivery, attempt))
                .chain(attempt -> settle(delivery, attempt))
                .subscribe().with(nextWaiting -> slotFreed(delivery, nextWaiting), failure -> {
                    LOG.warnf("recording an attempt of delivery %s failed; it is retried when its lease ends: %s",
                            delivery.id(), failure.getMessage());
                    slotFreed(delivery, false);
                });
    }

    /** @param nextWaiting a later delivery of the same incident to the same endpoint waited for this one */
    private void slotFreed(DueDelivery delivery, boolean nextWaiting) {
        inFlightByEndpoint.computeIfPresent(delivery.endpointId(), (endpoint, n) -> n == 1 ? null : n - 1);
        int free = config.concurrency() - inFlight.decrementAndGet();
        boolean halfOpenTry = delivery.endpointFailures() >= health.threshold();
        if (!backlogLeft.get() && !nextWaiting && !halfOpenTry) {
            return; // the last claim took everything due; what comes due later wakes a claim itself
        }
        if (free >= claimAtFree) {
            wake();
        } else if (gathering.compareAndSet(false, true)) {
            vertx.setTimer(GATHER.toMillis(), timer -> {
                gathering.set(false);
                wake();
            });
        }
    }

    /**
     * Gives up deliveries that stayed pending past {@code expire-after} (their endpoint paused or disabled all that
     * time), with a failed outcome each, as an exhausted delivery is.
     */
    @Scheduled(every = "${vigil.notify.delivery.expiry-interval:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> expire() {
        return store.claimExpired(config.expireAfter(), EXPIRED_PER_ROUND)
                .onItem().transformToMulti(expired -> Multi.createFrom().iterable(expired))
                .onItem().transformToUniAndConcatenate(delivery -> settle(delivery, Attempt.expired(
                        "still pending after " + config.expireAfter() + ": its endpoint was paused or disabled")))
                .collect().last()
                .onFailure().invoke(failure -> LOG.warnf("giving up expired deliveries failed, the next round"
                        + " retries: %s", failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Records the attempt's end; true when that made a later delivery of the same incident claimable. */
    private Uni<Boolean> settle(DueDelivery delivery, Attempt attempt) {
        DeliveryPolicy.Decision decision = policy.decide(delivery.attempts(), attempt, Instant.now());
        if (decision instanceof DeliveryPolicy.Retry retry) {
            count("retry");
            return store.reschedule(delivery, attempt, retry.delay())
                    .invoke(() -> wakeAfter(retry.delay()))
                    .replaceWith(false);
        }
        boolean delivered = decision instanceof DeliveryPolicy.Delivered;
        if (!delivered) {
            LOG.infof("giving up delivery %s to endpoint %s after %d attempt(s): %s", delivery.id(),
                    delivery.endpointId(), delivery.attempts(), attempt.error());
        }
        count(delivered ? "delivered" : "failed");
        Optional<NotificationOutcome> outcome = delivery.outcome(
                delivered ? NotificationOutcome.Result.DELIVERED : NotificationOutcome.Result.FAILED,
                attempt.statusCode(), Instant.now());
        return finishes.finish(new DeliveryStore.Finish(delivery, attempt,
                        delivered ? DeliveryStatus.DELIVERED : DeliveryStatus.FAILED, outcome))
                .invoke(recorded -> {
                    if (recorded != DeliveryStore.Recorded.LOST) {
                        relay.wake();
                    }
                })
                .map(recorded -> recorded == DeliveryStore.Recorded.FINISHED_NEXT_WAITING);
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
