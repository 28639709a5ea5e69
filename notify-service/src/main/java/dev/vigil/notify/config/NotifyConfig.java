package dev.vigil.notify.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

@ConfigMapping(prefix = "vigil.notify")
public interface NotifyConfig {

    /**
     * Lets endpoints resolve to loopback, private, link-local and similar addresses. Off in production so a
     * customer cannot aim Vigil at the MSP's own network; the local stack and tests turn it on.
     */
    @WithDefault("false")
    boolean allowPrivateTargets();

    /** Lets endpoints use plain http; webhooks carry incident details, so https is required by default. */
    @WithDefault("false")
    boolean allowPlainHttp();

    /**
     * The keys that encrypt endpoint secrets at rest: {@code id:base64,id:base64}, each 32 random bytes. The first
     * encrypts, every one decrypts; at start, notify moves every secret under the first. Required: there is no
     * default outside development and tests (see README, "Secrets at rest").
     */
    String secretKeys();

    Delivery delivery();

    Breaker breaker();

    interface Delivery {
        /** the whole request to a receiver, connect included. */
        @WithDefault("10s")
        Duration timeout();

        /** establishing the connection to a receiver, within {@link #timeout()}. */
        @WithDefault("5s")
        Duration connectTimeout();

        /**
         * How long a claimed delivery stays invisible to other replicas. Must exceed {@link #timeout()}, or a
         * slow receiver could be sent the same delivery twice at once.
         */
        @WithDefault("60s")
        Duration lease();

        /**
         * attempts before a delivery is given up as failed. 12 with the default backoff waits at most about 2.4 hours
         * in all (full jitter: half that on average), so a receiver down for an hour or two still gets its messages.
         */
        @WithDefault("12")
        @Min(1)
        @Max(100)
        int maxAttempts();

        /** the first retry waits up to this long; each further retry doubles the ceiling (full jitter). */
        @WithDefault("5s")
        Duration backoffBase();

        /** the ceiling of the exponential backoff. */
        @WithDefault("1h")
        Duration backoffCap();

        /** a receiver's Retry-After is honoured up to this long. */
        @WithDefault("1h")
        Duration maxRetryAfter();

        /** webhooks in flight at once per replica. */
        @WithDefault("64")
        @Min(1)
        int concurrency();

        /**
         * webhooks in flight at once to one endpoint, per replica: a slow receiver holds this many sending slots at
         * most, and the rest go on to other endpoints.
         */
        @WithDefault("4")
        @Min(1)
        int perEndpointConcurrency();

        /**
         * A delivery still pending this long after it was planned (or sent again by hand) fails without another
         * attempt: its endpoint was paused or disabled all that time, and news this old misleads more than it helps.
         */
        @WithDefault("24h")
        Duration expireAfter();

        /** how often deliveries past {@link #expireAfter()} are looked for. */
        @WithDefault("1m")
        Duration expiryInterval();

        /** how often due deliveries are looked for when nothing woke the dispatcher. */
        @WithDefault("1s")
        Duration pollInterval();

        /** how often the sending queue's dead rows are counted (see {@link #vacuumAtDeadRows()}). */
        @WithDefault("2s")
        Duration vacuumInterval();

        /**
         * the sending queue is vacuumed once it holds this many dead rows: every claim walks those not yet removed,
         * and a busy drain leaves two for each delivery.
         */
        @WithDefault("1000")
        @Min(1)
        int vacuumAtDeadRows();
    }

    /**
     * The circuit breaker of each endpoint: after {@link #failures()} attempts in a row that got no answer, timed
     * out, or were answered 408, 429 or 5xx, nothing is sent to the endpoint for {@link #pause()}; then one delivery
     * at a time is tried, and each failure doubles the pause up to {@link #maxPause()}. One success closes it.
     */
    interface Breaker {
        @WithDefault("5")
        @Min(1)
        int failures();

        @WithDefault("30s")
        Duration pause();

        @WithDefault("10m")
        Duration maxPause();
    }
}
