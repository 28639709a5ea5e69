package dev.vigil.runbook.handover;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a handover item is about; the incoming shift reads them in this order. */
public enum HandoverItemKind {
    /** An incident still live in triage: awaiting a decision, claimed, confirmed or recovering. */
    INCIDENT,
    /** A critical step reported done that waits for a second person. */
    VERIFICATION,
    /** A runbook execution still running, with its next step. */
    EXECUTION,
    /** A silence in force that ends soon: its alerts will reach people again. */
    SILENCE,
    /** A maintenance window in force that ends soon. */
    WINDOW,
    /** Words the ending shift leaves about one tenant. */
    NOTE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<HandoverItemKind> fromWire(String value) {
        return Arrays.stream(values()).filter(kind -> kind.wireName().equals(value)).findFirst();
    }
}
