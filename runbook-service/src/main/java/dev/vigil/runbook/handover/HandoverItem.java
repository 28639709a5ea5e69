package dev.vigil.runbook.handover;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One thing the ending shift leaves open, as the incoming shift reads it.
 *
 * @param number         its place in the handover, from 1
 * @param subjectId      the incident, execution, silence or window it is about; null for a note
 * @param step           the step of a verification item; null otherwise
 * @param title          what it is about, in one line
 * @param detail         what is left to do; null when the title says it all
 * @param endsAt         when a silence or window stops holding alerts back; null for other kinds
 * @param acknowledgedBy who of the incoming shift took it over; null until someone did
 * @param acknowledgeNote what they said when they took it over; null when nothing
 * @param escalatedAt    when the tenant's supervisors were told nobody had; null unless that happened
 */
public record HandoverItem(int number, String tenant, HandoverItemKind kind, UUID subjectId, Integer step,
        String title, String detail, Instant endsAt, String acknowledgedBy, Instant acknowledgedAt,
        String acknowledgeNote, Instant escalatedAt) {

    public HandoverItem {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
    }

    /** A new item, not yet acknowledged. */
    public static HandoverItem open(String tenant, HandoverItemKind kind, UUID subjectId, Integer step, String title,
            String detail, Instant endsAt) {
        return new HandoverItem(0, tenant, kind, subjectId, step, title, detail, endsAt, null, null, null, null);
    }

    HandoverItem numbered(int n) {
        return new HandoverItem(n, tenant, kind, subjectId, step, title, detail, endsAt, acknowledgedBy,
                acknowledgedAt, acknowledgeNote, escalatedAt);
    }

    public boolean acknowledged() {
        return acknowledgedBy != null;
    }
}
