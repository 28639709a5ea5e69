package dev.vigil.notify;

import dev.vigil.contracts.Audience;
import dev.vigil.contracts.Severity;
import dev.vigil.notify.message.Format;
import java.util.Set;
import java.util.UUID;

/**
 * An enabled endpoint as planning needs it: which one, who reads it, what it wants to hear and in what form.
 *
 * @param kinds       the message kinds it wants; empty for every kind its audience hears
 * @param minSeverity the least severity it wants; null for every severity
 * @param format      how its messages are written
 */
public record Recipient(UUID endpointId, Audience audience, Set<String> kinds, Severity minSeverity, Format format) {

    /** An endpoint that hears everything its audience does, as a JSON webhook in English. */
    public static Recipient of(UUID endpointId, Audience audience) {
        return new Recipient(endpointId, audience, Set.of(), null, Format.DEFAULT);
    }

    /** Whether it wants a message of {@code kind} about something of {@code severity} (null when not known). */
    public boolean wants(String kind, Severity severity) {
        boolean kindWanted = kinds.isEmpty() || kinds.contains(kind);
        // Severity lists the most severe first
        boolean severeEnough = minSeverity == null || severity == null || severity.compareTo(minSeverity) <= 0;
        return kindWanted && severeEnough;
    }
}
