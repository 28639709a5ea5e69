package dev.vigil.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "vigil.outbox")
public interface OutboxConfig {
    /** how often the relay looks for rows nobody woke it for (a crash, another replica); wakes are immediate. */
    @WithDefault("1s")
    Duration pollInterval();

    /** rows sent per relay round. */
    @WithDefault("500")
    int batchSize();

    /** how long sent rows stay for inspection before they are purged. */
    @WithDefault("P1D")
    Duration sentRetention();

    /** how long applied event ids stay in the inbox; must exceed any redelivery window. */
    @WithDefault("P7D")
    Duration inboxRetention();
}
