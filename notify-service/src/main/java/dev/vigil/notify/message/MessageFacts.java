package dev.vigil.notify.message;

import dev.vigil.contracts.HandoverOverdueEvent;
import dev.vigil.contracts.IncidentEvent;
import dev.vigil.contracts.RecoveryStepEvent;
import dev.vigil.contracts.Severity;
import dev.vigil.notify.Endpoint;
import io.quarkus.qute.TemplateData;
import java.time.ZoneId;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a message template may say, already in the reader's language and time zone: {@code {resource}},
 * {@code {openedAt}} and so on. Every field but {@code resource} may be null; templates test it with
 * {@code {#if}}.
 *
 * @param resource         what is affected; never null ("a monitored system" when the alert named nothing)
 * @param severity         the severity in the reader's language
 * @param serious          critical, major or unknown: the service may be down rather than degraded
 * @param note             the operator's words for the customer, given with the confirmation
 * @param duration         how long it lasted, for a recovery
 * @param recoveryReported the customer will be told when it is over
 * @param endpointUrl      the endpoint a notice about an endpoint is about
 * @param reason           why that endpoint was disabled
 * @param stepTitle        the recovery step just done
 * @param stepsDone        how many of the steps the customer follows are done
 * @param stepsTotal       how many steps the customer follows
 * @param nextStep         the next step the customer follows; null when none is left
 * @param shift            the shift that handed over
 * @param nextShift        the shift that was to take over; null when none was defined
 * @param writtenBy        who wrote the handover
 * @param acknowledgeBy    when its items were due to be acknowledged
 * @param items            the handover items nobody took over, one line each; empty for other kinds
 */
@TemplateData
public record MessageFacts(
        String tenant,
        String incidentId,
        String resource,
        String check,
        String source,
        String severity,
        boolean serious,
        String summary,
        String note,
        long occurrences,
        String openedAt,
        String resolvedAt,
        String duration,
        String decisionDueAt,
        String escalatedAt,
        String assignee,
        boolean recoveryReported,
        SortedMap<String, String> labels,
        String endpointUrl,
        String endpointAudience,
        String reason,
        String stepTitle,
        int stepsDone,
        int stepsTotal,
        String nextStep,
        String shift,
        String nextShift,
        String writtenBy,
        String acknowledgeBy,
        List<String> items) {

    public MessageFacts {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public static MessageFacts of(IncidentEvent e, Language language, ZoneId zone) {
        String resource = blankToNull(e.resource());
        return new MessageFacts(e.tenant(), e.incidentId() == null ? null : e.incidentId().toString(),
                resource != null ? resource : unnamed(language), blankToNull(e.check()), blankToNull(e.source()),
                Wording.severity(e.severity(), language), serious(e.severity()), blankToNull(e.summary()),
                blankToNull(e.decision().customerNote()), e.occurrences(),
                Wording.time(e.openedAt(), language, zone), Wording.time(e.resolvedAt(), language, zone),
                Wording.duration(e.openedAt(), e.resolvedAt(), language),
                Wording.time(e.decision().decisionDueAt(), language, zone),
                Wording.time(e.decision().escalatedAt(), language, zone), blankToNull(e.decision().assignee()),
                e.decision().reportRecovery(), new TreeMap<>(e.labels()), null, null, null, null, 0, 0, null, null,
                null, null, null, List.of());
    }

    /** The facts of a recovery step the customer follows. */
    public static MessageFacts ofStep(RecoveryStepEvent e, Language language, ZoneId zone) {
        String resource = blankToNull(e.resource());
        return new MessageFacts(e.tenant(), e.incidentId().toString(), resource != null ? resource : unnamed(language),
                blankToNull(e.check()), null, Wording.severity(e.severity(), language), serious(e.severity()),
                blankToNull(e.summary()), null, 0, Wording.time(e.incidentOpenedAt(), language, zone), null, null, null,
                null, null, true, new TreeMap<>(), null, null, null, e.stepTitle(), e.visibleDone(), e.visibleTotal(),
                blankToNull(e.nextStepTitle()), null, null, null, null, List.of());
    }

    /** The facts of handover items of one tenant nobody took over in time. */
    public static MessageFacts ofHandover(HandoverOverdueEvent e, Language language, ZoneId zone) {
        List<String> items = e.items().stream().map(item -> item.number() + ". " + item.title()
                + (item.detail() == null || item.detail().isBlank() ? "" : " (" + item.detail() + ")")).toList();
        return new MessageFacts(e.tenant(), null, e.tenant(), null, null, null, true, null, null, 0,
                Wording.time(e.writtenAt(), language, zone), null, null, null, null, null, false, new TreeMap<>(),
                null, null, null, null, 0, 0, null, e.shift(), blankToNull(e.nextShift()), e.writtenBy(),
                Wording.time(e.acknowledgeBy(), language, zone), items);
    }

    /** The facts of a notice that {@code endpoint} was disabled. */
    public static MessageFacts ofDisabled(Endpoint endpoint, Language language, ZoneId zone) {
        return new MessageFacts(endpoint.tenant(), null, endpoint.url(), null, null, null, true, null, null, 0,
                Wording.time(endpoint.disabledAt(), language, zone), null, null, null, null, null, false,
                new TreeMap<>(), endpoint.url(), endpoint.audience().wireName(), endpoint.disabledReason(), null, 0, 0,
                null, null, null, null, null, List.of());
    }

    private static boolean serious(Severity severity) {
        return severity == null || severity == Severity.CRITICAL || severity == Severity.MAJOR;
    }

    private static String unnamed(Language language) {
        return language == Language.JA ? "監視対象のシステム" : "a monitored system";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
