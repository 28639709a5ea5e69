package dev.vigil.runbook.handover;

import dev.vigil.runbook.Execution;
import dev.vigil.runbook.ExecutionStep;
import dev.vigil.runbook.StepStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Everything open at a change of shift, as items: every live incident, every critical step waiting for a second
 * person, every running execution with what comes next, every silence and window in force that ends before the
 * horizon, and the ending shift's notes. Nothing open is left out: that is the handover's promise.
 */
public final class HandoverItems {

    /** A running execution and its steps. */
    public record Running(Execution execution, List<ExecutionStep> steps) {
    }

    /** Words the ending shift leaves about one tenant. */
    public record Note(String tenant, String text) {
    }

    private HandoverItems() {
    }

    /** The items in reading order (by kind, then tenant, then time), numbered from 1. */
    public static List<HandoverItem> of(TriagePicture triage, List<Running> running, List<Note> notes,
            Instant horizon) {
        List<HandoverItem> items = new ArrayList<>();
        triage.incidents().stream().sorted(Comparator.comparing(TriagePicture.LiveIncident::tenant)
                        .thenComparing(TriagePicture.LiveIncident::openedAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .forEach(incident -> items.add(incident(incident)));
        List<Running> byTenant = running.stream().sorted(Comparator.comparing((Running r) -> r.execution().tenant())
                .thenComparing(r -> r.execution().openedAt())).toList();
        byTenant.forEach(r -> r.steps().stream().filter(step -> step.status() == StepStatus.AWAITING_VERIFICATION)
                .forEach(step -> items.add(verification(r.execution(), step))));
        byTenant.forEach(r -> items.add(execution(r)));
        ending(triage.silences(), horizon).forEach(silence -> items.add(quiet(HandoverItemKind.SILENCE, silence,
                "Silence of " + silence.name())));
        ending(triage.windows(), horizon).forEach(window -> items.add(quiet(HandoverItemKind.WINDOW, window,
                "Maintenance window '" + window.name() + "'")));
        notes.forEach(note -> items.add(HandoverItem.open(note.tenant(), HandoverItemKind.NOTE, null, null,
                note.text(), null, null)));
        List<HandoverItem> numbered = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            numbered.add(items.get(i).numbered(i + 1));
        }
        return numbered;
    }

    private static HandoverItem incident(TriagePicture.LiveIncident incident) {
        String title = (incident.resource() == null ? "An incident" : incident.resource())
                + (incident.summary() == null ? "" : ": " + incident.summary())
                + (incident.severity() == null ? "" : " (" + incident.severity() + ")");
        String detail = switch (incident.status()) {
            case "open" -> "Awaiting a decision: confirm or dismiss it";
            case "acknowledged" -> "Claimed, not yet confirmed or dismissed";
            case "confirmed" -> "Confirmed: the customer has been told";
            case "recovering" -> "Its alerts resolved; its runbook is being finished";
            default -> incident.status();
        } + (incident.assignee() == null ? "" : "; assigned to " + incident.assignee());
        return HandoverItem.open(incident.tenant(), HandoverItemKind.INCIDENT, incident.id(), null, title, detail,
                null);
    }

    private static HandoverItem verification(Execution execution, ExecutionStep step) {
        String title = about(execution) + ": step " + step.position() + " '" + step.title()
                + "' waits for a second person";
        String detail = "Reported " + step.outcome().wireName() + " by " + step.finishedBy()
                + "; someone other than " + carriedOutBy(step) + " verifies it";
        return HandoverItem.open(execution.tenant(), HandoverItemKind.VERIFICATION, execution.id(), step.position(),
                title, detail, null);
    }

    private static HandoverItem execution(Running running) {
        Execution execution = running.execution();
        return HandoverItem.open(execution.tenant(), HandoverItemKind.EXECUTION, execution.id(), null,
                about(execution), nextStep(running.steps()), null);
    }

    /** What the incoming shift does next in the procedure. */
    static String nextStep(List<ExecutionStep> steps) {
        Optional<ExecutionStep> next = steps.stream().filter(step -> !step.status().finished()).findFirst();
        if (next.isEmpty()) {
            return "Every step is finished";
        }
        ExecutionStep step = next.get();
        String named = "step " + step.position() + " '" + step.title() + "'";
        return switch (step.status()) {
            case IN_PROGRESS -> "Next: " + named + ", in progress since " + step.startedAt() + " (started by "
                    + step.startedBy() + ")";
            case AWAITING_VERIFICATION -> "Next: " + named + " waits for a second person";
            case FAILED -> "Next: " + named + " failed (" + step.note() + "): start it again or abandon the"
                    + " execution";
            default -> "Next: start " + named + approval(step);
        };
    }

    private static String approval(ExecutionStep step) {
        if (!step.definition().customerApproval()) {
            return "";
        }
        if (step.approval() == null) {
            return ", once the customer approves it (not yet)";
        }
        return step.approval().approved() ? " (the customer approved it)"
                : ", which the customer rejected: " + step.approval().note();
    }

    private static String carriedOutBy(ExecutionStep step) {
        return step.startedBy() == null || step.startedBy().equals(step.finishedBy()) ? step.finishedBy()
                : step.startedBy() + " and " + step.finishedBy();
    }

    private static String about(Execution execution) {
        String resource = execution.incident() == null ? null : execution.incident().resource();
        return "Runbook '" + execution.runbookName() + "'" + (resource == null ? "" : " for " + resource);
    }

    /** Those that stop holding alerts back by {@code horizon}; one held until its alerts resolve has no end. */
    private static List<TriagePicture.EndingQuiet> ending(List<TriagePicture.EndingQuiet> quiet, Instant horizon) {
        return quiet.stream().filter(q -> q.endsAt() != null && !q.endsAt().isAfter(horizon))
                .sorted(Comparator.comparing(TriagePicture.EndingQuiet::endsAt)).toList();
    }

    private static HandoverItem quiet(HandoverItemKind kind, TriagePicture.EndingQuiet quiet, String title) {
        return HandoverItem.open(quiet.tenant(), kind, quiet.id(), null, title + " ends at " + quiet.endsAt(),
                "Its alerts reach operators again after that", quiet.endsAt());
    }
}
