package dev.vigil.triage.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "vigil.triage")
public interface TriageConfig {

    Deadlines deadlines();

    Rules rules();

    Rechecks rechecks();

    History history();

    /**
     * Consumers of {@code vigil.alerts} per process, each applying its own partitions concurrently (read by the
     * channel's {@code concurrency} in application.properties; docs/adr/0013-triage-throughput.md).
     */
    @WithDefault("2")
    int alertConsumers();

    interface History {
        /** How long every applied alert is kept for the noise report to replay: the most days it can cover. */
        @WithDefault("P30D")
        Duration keep();
    }

    interface Rechecks {
        /**
         * How often alerts the wall clock must look at again are looked for (a threshold passing for a source that
         * sends once, a window ending, a timeout): the most they are raised or resolved late.
         */
        @WithDefault("5s")
        Duration pollInterval();

        /** Alerts rechecked per transaction; a round keeps going while batches come back full. */
        @WithDefault("200")
        int batchSize();
    }

    interface Rules {
        /**
         * How long an alert must keep firing before anyone sees it, for tenants without rules of their own: the MSP's
         * default pending period ({@link dev.vigil.triage.rules.TriageRules#defaults}). PT0S raises at once.
         */
        @WithDefault("PT5M")
        Duration raiseAfter();

        /**
         * How much later than its observed time an alert may still be read (partitions are read at their own pace,
         * a replay runs fast): a quiet incident ends no sooner than this after its last alert resolved, so that
         * an alert of its group observed before that still joins it.
         */
        @WithDefault("PT2M")
        Duration lateness();
    }

    interface Deadlines {
        /** How often due decision and resolve deadlines are looked for: the most they fire late. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Deadlines fired per transaction; a round keeps going while batches come back full. */
        @WithDefault("200")
        int batchSize();
    }
}
