package dev.vigil.ingest.alertmanager;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.ingest.ProbeResult;
import java.util.List;

/**
 * Reads what an Alertmanager {@code webhook_configs} receiver posts (payload version 4) as probe results: the shared
 * shape of {@link AlertGroupReader}, with nothing of its own, source {@code alertmanager} and fingerprints
 * {@code alertmanager:<Alertmanager's fingerprint>}.
 */
public final class AlertmanagerWebhook {
    public static final String SOURCE = "alertmanager";
    private static final AlertGroupReader READER = new AlertGroupReader(SOURCE,
            "an Alertmanager webhook object (version 4)", AlertGroupReader.Extras.NONE);

    private AlertmanagerWebhook() {
    }

    /** The probe results of one webhook call, or the input exceptions naming each refused member. */
    public static List<ProbeResult> toProbeResults(JsonNode body, int maxAlerts) {
        return READER.toProbeResults(body, maxAlerts);
    }
}
