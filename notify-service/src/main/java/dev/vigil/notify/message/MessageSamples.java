package dev.vigil.notify.message;

import dev.vigil.contracts.Audience;
import dev.vigil.contracts.HandoverOverdueEvent;
import dev.vigil.contracts.IncidentChange;
import dev.vigil.contracts.IncidentDecision;
import dev.vigil.contracts.IncidentEvent;
import dev.vigil.contracts.IncidentStatus;
import dev.vigil.contracts.RecoveryStepEvent;
import dev.vigil.contracts.Severity;
import dev.vigil.contracts.Sources;
import dev.vigil.notify.Endpoint;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Facts a template is checked and previewed with: for each kind, one sample with every fact a real message of it
 * can carry, and one with only those it always carries, so a template that fails when a fact is missing is refused
 * when it is saved.
 */
public final class MessageSamples {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final Instant OPENED = Instant.parse("2026-11-26T18:07:00Z");

    private MessageSamples() {
    }

    /** The full sample first, then the sparse one, with times in Tokyo's zone. */
    public static List<MessageFacts> of(MessageKind kind, Language language) {
        if (kind == MessageKind.ENDPOINT_DISABLED) {
            return List.of(MessageFacts.ofDisabled(endpoint(), language, TOKYO));
        }
        if (kind == MessageKind.RECOVERY_STEP) {
            return List.of(MessageFacts.ofStep(step(), language, TOKYO),
                    MessageFacts.ofStep(new RecoveryStepEvent(UUID.randomUUID(), "acme", UUID.randomUUID(),
                            UUID.randomUUID(), null, 1, "Check the server", 1, 1, null, null, null, null, null, null,
                            null), language, TOKYO));
        }
        if (kind == MessageKind.HANDOVER_OVERDUE) {
            return List.of(MessageFacts.ofHandover(handover(), language, TOKYO),
                    MessageFacts.ofHandover(new HandoverOverdueEvent(UUID.randomUUID(), "acme", UUID.randomUUID(),
                            "night", null, "aiko", OPENED, OPENED.plusSeconds(1800),
                            List.of(new HandoverOverdueEvent.Item(1, "note", "Call the customer", null))),
                            language, TOKYO));
        }
        return List.of(MessageFacts.of(event(kind), language, TOKYO), MessageFacts.of(sparse(kind), language, TOKYO));
    }

    /** A customer endpoint of tenant {@code acme} whose receiver answered 410 Gone. */
    public static Endpoint endpoint() {
        return new Endpoint(UUID.fromString("7b0c8f0e-2d7a-4a53-9a57-1f0d1c2f3e4a"), "acme", Audience.CUSTOMER,
                "https://hooks.example.com/vigil", null, "", false, OPENED, 0, null, OPENED.plusSeconds(3600),
                "the receiver answered 410 Gone", null, null, Set.of(), null, Format.DEFAULT);
    }

    /** The second of three recovery steps of tenant {@code acme}'s outage, with every fact it can carry. */
    public static RecoveryStepEvent step() {
        return new RecoveryStepEvent(UUID.fromString("5c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f"), "acme",
                UUID.fromString("6d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a"),
                UUID.fromString("3f2a5c1e-8b4d-4e6f-9a0b-1c2d3e4f5a6b"), "Web tier down", 3,
                "Restart the web servers one by one", 2, 3, "Confirm that orders go through", "shop-web-01", "http",
                Severity.CRITICAL, "HTTP probe failed: 503 from /checkout", OPENED, OPENED.plusSeconds(1500));
    }

    /** Two items of a handover about tenant {@code acme} that nobody took over. */
    public static HandoverOverdueEvent handover() {
        return new HandoverOverdueEvent(UUID.fromString("7e3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a6b"), "acme",
                UUID.fromString("8f4a5b6c-7d8e-4f9a-0b1c-2d3e4f5a6b7c"), "night", "morning", "aiko",
                OPENED.plusSeconds(50_000), OPENED.plusSeconds(51_800), List.of(
                        new HandoverOverdueEvent.Item(1, "incident", "shop-db-01: database down (critical)",
                                "Confirmed: the customer has been told"),
                        new HandoverOverdueEvent.Item(4, "verification", "Runbook 'DB down' for shop-db-01: step 2"
                                + " 'Restart the database' waits for a second person", "Reported done by aiko")));
    }

    /** An incident event of tenant {@code acme} with every fact a message of {@code kind} can carry. */
    public static IncidentEvent event(MessageKind kind) {
        boolean heartbeat = kind == MessageKind.HEARTBEAT_MISSED;
        boolean over = kind == MessageKind.RECOVERED;
        IncidentDecision decision = new IncidentDecision(OPENED.plusSeconds(600), OPENED.plusSeconds(900),
                "night-operator", OPENED.plusSeconds(120), "night-operator", OPENED.plusSeconds(300),
                "night-operator", "We are restarting the web tier; expect a few minutes of errors.", null, null, null,
                true);
        return new IncidentEvent(UUID.fromString("0d4f2b7e-5a1c-4c3e-8f6a-2b9d1e0c7a54"), change(kind), "acme",
                UUID.fromString("3f2a5c1e-8b4d-4e6f-9a0b-1c2d3e4f5a6b"), status(kind), "sample",
                heartbeat ? Sources.HEARTBEAT : "alertmanager", heartbeat ? "nightly-backup" : "shop-web-01",
                heartbeat ? "heartbeat" : "http", Severity.CRITICAL,
                heartbeat ? "no heartbeat from nightly-backup since 02:00" : "HTTP probe failed: 503 from /checkout",
                Map.of("env", "production", "team", "web"), 14, OPENED, OPENED.plusSeconds(840),
                over ? OPENED.plusSeconds(2880) : null, decision, "night-operator", null);
    }

    private static IncidentEvent sparse(MessageKind kind) {
        return new IncidentEvent(UUID.randomUUID(), change(kind), "acme", UUID.randomUUID(), status(kind), null,
                null, null, null, null, null, Map.of(), 0, null, null, null, IncidentDecision.NONE, null, null);
    }

    private static IncidentChange change(MessageKind kind) {
        return switch (kind) {
            case CONFIRMED, HEARTBEAT_MISSED -> IncidentChange.CONFIRMED;
            case PROGRESS -> IncidentChange.RECOVERING;
            case RECOVERED -> IncidentChange.RESOLVED;
            case AWAITING_DECISION -> IncidentChange.OPENED;
            case ESCALATED, ENDPOINT_DISABLED, RECOVERY_STEP, HANDOVER_OVERDUE -> IncidentChange.ESCALATED;
        };
    }

    private static IncidentStatus status(MessageKind kind) {
        return switch (kind) {
            case CONFIRMED, HEARTBEAT_MISSED -> IncidentStatus.CONFIRMED;
            case PROGRESS -> IncidentStatus.RECOVERING;
            case RECOVERED -> IncidentStatus.RESOLVED;
            case AWAITING_DECISION, ESCALATED, ENDPOINT_DISABLED, RECOVERY_STEP, HANDOVER_OVERDUE ->
                    IncidentStatus.OPEN;
        };
    }
}
