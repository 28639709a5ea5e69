package dev.vigil.notify;

import dev.vigil.contracts.Audience;
import dev.vigil.contracts.Severity;
import dev.vigil.notify.message.Format;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * An endpoint of a tenant (a webhook, a chat webhook or an email address): where the incident notifications for its {@code audience} go (the customer's own
 * systems, or the MSP's operators' or supervisors' channel for that tenant), and the secret that signs them.
 *
 * @param consecutiveFailures attempts in a row that found it unavailable (its circuit breaker)
 * @param pausedUntil         until when nothing is sent to it; null when its circuit is closed
 * @param disabledAt          when it was disabled; null while enabled
 * @param disabledReason      why: by whom, or its receiver answering 410 Gone; null while enabled
 * @param previousSecret      the secret before the last rotation, still signing until {@code previousSecretUntil}
 * @param kinds               the message kinds it wants; empty for all its audience hears
 * @param minSeverity         the least severity it wants; null for all
 * @param format              its channel, language and time zone
 */
public record Endpoint(UUID id, String tenant, Audience audience, String url, String description, String secret,
        boolean enabled, Instant createdAt, int consecutiveFailures, Instant pausedUntil,
        Instant disabledAt, String disabledReason, String previousSecret, Instant previousSecretUntil,
        Set<String> kinds, Severity minSeverity, Format format) {

    /** The secrets every webhook is signed with now: the current one, and the previous one during its overlap. */
    public List<String> signingSecrets(Instant now) {
        return previousSecret != null && previousSecretUntil != null && previousSecretUntil.isAfter(now)
                ? List.of(secret, previousSecret) : List.of(secret);
    }
}
