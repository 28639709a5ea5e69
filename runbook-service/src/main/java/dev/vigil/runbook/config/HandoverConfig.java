package dev.vigil.runbook.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/** How handovers are written and followed up. */
@ConfigMapping(prefix = "vigil.runbook.handovers")
public interface HandoverConfig {

    /** Where triage's operator API answers; a handover reads its incidents, silences and windows there. */
    @WithDefault("http://127.0.0.1:8082")
    URI triageUrl();

    /** How long triage may take to answer one page before the handover is refused rather than left incomplete. */
    @WithDefault("PT10S")
    Duration triageTimeout();

    /** How long the incoming shift has to acknowledge each item before its tenant's supervisors are told. */
    @WithDefault("PT30M")
    Duration acknowledgeWithin();

    /** How often overdue items are looked for. */
    @WithDefault("PT30S")
    Duration sweepInterval();

    /** With no incoming shift defined, silences and windows ending within this time count as ending soon. */
    @WithDefault("PT12H")
    Duration lookAhead();
}
