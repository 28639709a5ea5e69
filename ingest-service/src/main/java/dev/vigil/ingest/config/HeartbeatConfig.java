package dev.vigil.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

@ConfigMapping(prefix = "vigil.heartbeats")
public interface HeartbeatConfig {
    /**
     * How often each replica looks for heartbeats whose due time passed. A miss is raised at most this long after
     * its due time.
     */
    @WithDefault("15s")
    Duration evaluationInterval();

    /** heartbeats one evaluation transaction claims and alerts on; a round takes as many batches as are due. */
    @WithDefault("500")
    @Min(1)
    @Max(10000)
    int evaluationBatchSize();
}
