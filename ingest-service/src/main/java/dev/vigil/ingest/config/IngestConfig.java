package dev.vigil.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

@ConfigMapping(prefix = "vigil.ingest")
public interface IngestConfig {
    /** alerts accepted in one request; larger arrays are refused whole. */
    @WithDefault("1000")
    @Min(1)
    @Max(10000)
    int maxAlertsPerRequest();

    /** how often the ingest key cache reloads from the database (keys made on another replica appear). */
    @WithDefault("5s")
    Duration keyRefreshInterval();

    /** an unknown key triggers a reload at most this often, so guessing keys cannot hammer the database. */
    @WithDefault("1s")
    Duration keyMissReloadInterval();

    /**
     * Each tenant's share of one replica: alerts it may publish per second, and how many it may send at once
     * above that. In memory per replica (see README: set it to the tenant's rate divided by the replicas).
     */
    Rate rate();

    interface Rate {
        @WithDefault("20000")
        @Min(1)
        int alertsPerSecond();

        /** at least max-alerts-per-request, or a full request could never pass. */
        @WithDefault("40000")
        @Min(1)
        int burst();
    }
}
