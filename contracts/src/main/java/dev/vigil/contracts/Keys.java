package dev.vigil.contracts;

import java.util.UUID;

/** Kafka record keys: everything about one fingerprint, or one incident, lands in one partition. */
public final class Keys {
    private Keys() {
    }

    public static String alert(String tenant, String fingerprint) {
        return tenant + "/" + fingerprint;
    }

    public static String incident(String tenant, UUID incidentId) {
        return tenant + "/" + incidentId;
    }

    /** A shift handover's events of one tenant. */
    public static String handover(String tenant, UUID handoverId) {
        return tenant + "/handover/" + handoverId;
    }
}
