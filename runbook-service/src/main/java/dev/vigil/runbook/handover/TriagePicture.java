package dev.vigil.runbook.handover;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What triage holds that a handover must pass on, as triage answered at the moment of the handover: the live
 * incidents, and the active silences and the maintenance windows with the time they stop holding alerts back.
 */
public record TriagePicture(List<LiveIncident> incidents, List<EndingQuiet> silences, List<EndingQuiet> windows) {

    public TriagePicture {
        incidents = List.copyOf(incidents);
        silences = List.copyOf(silences);
        windows = List.copyOf(windows);
    }

    /**
     * An incident that is not over.
     *
     * @param status   open, acknowledged, confirmed or recovering
     * @param assignee who it is assigned to, or who claimed it; null when nobody
     */
    public record LiveIncident(UUID id, String tenant, String status, String resource, String summary,
            String severity, String assignee, Instant openedAt) {
    }

    /**
     * A silence or maintenance window.
     *
     * @param name   what people call it: a window's name, or a silence's matchers and comment
     * @param endsAt when it stops holding alerts back; null when it holds until its alerts resolve, or is not in
     *               force now
     */
    public record EndingQuiet(UUID id, String tenant, String name, Instant endsAt) {
    }
}
