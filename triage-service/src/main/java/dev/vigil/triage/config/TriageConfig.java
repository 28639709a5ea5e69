package dev.vigil.triage.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "vigil.triage")
public interface TriageConfig {

    Deadlines deadlines();

    interface Deadlines {
        /** How often due decision and resolve deadlines are looked for: the most they fire late. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Deadlines fired per transaction; a round keeps going while batches come back full. */
        @WithDefault("200")
        int batchSize();
    }
}
