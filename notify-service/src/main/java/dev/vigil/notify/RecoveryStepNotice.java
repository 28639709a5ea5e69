package dev.vigil.notify;

import dev.vigil.contracts.Json;
import dev.vigil.contracts.RecoveryStepEvent;
import dev.vigil.contracts.Severity;
import dev.vigil.notify.message.Language;
import dev.vigil.notify.message.Message;
import java.time.Instant;
import java.util.UUID;

/**
 * Tells the customer that a step of the recovery procedure they follow is done. It is sent as the webhook type
 * {@code incident.progress}: an endpoint that wants to hear how the recovery goes hears of each step too.
 */
public final class RecoveryStepNotice {
    /** The webhook type: progress on the incident, as when its service is back. */
    public static final String TYPE = Notice.PROGRESS.type();

    /** The body, in the shape of every other webhook ({@code type}, {@code timestamp}, {@code data}). */
    public record Payload(String type, Instant timestamp, Data data) {
    }

    /**
     * @param step       the step's number in the whole procedure
     * @param stepsDone  how many of the steps the customer follows are done
     * @param stepsTotal how many steps the customer follows
     * @param nextStep   the next of them; null when none is left
     */
    public record Data(UUID incidentId, String tenant, int step, String stepTitle, int stepsDone, int stepsTotal,
            String nextStep, String resource, String check, Severity severity, String summary, Instant openedAt,
            Language language, String subject, String message) {
    }

    private RecoveryStepNotice() {
    }

    /** The JSON webhook's body, carrying {@code message} as written for its reader. */
    public static String payload(RecoveryStepEvent e, Message message, Language language) {
        return Json.write(new Payload(TYPE, e.occurredAt(), new Data(e.incidentId(), e.tenant(), e.step(),
                e.stepTitle(), e.visibleDone(), e.visibleTotal(), e.nextStepTitle(), e.resource(), e.check(),
                e.severity(), e.summary(), e.incidentOpenedAt(), language, message.subject(), message.body())));
    }
}
