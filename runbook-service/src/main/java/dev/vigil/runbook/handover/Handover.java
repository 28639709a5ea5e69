package dev.vigil.runbook.handover;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What one shift hands to the next: every piece of open work, item by item, each to be acknowledged by someone of
 * the incoming shift by {@code acknowledgeBy}, or its tenant's supervisors are told.
 *
 * @param nextShift   the shift on duty when {@code shift} ends; null when no shift covers that moment
 * @param nextMembers who may acknowledge besides supervisors; empty when the next shift names nobody (anyone may)
 */
public record Handover(UUID id, String shift, String nextShift, List<String> nextMembers, String writtenBy,
        Instant writtenAt, Instant acknowledgeBy, List<HandoverItem> items) {

    public Handover {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(shift, "shift");
        nextMembers = List.copyOf(nextMembers);
        items = List.copyOf(items);
    }

    public Optional<HandoverItem> item(int number) {
        return items.stream().filter(item -> item.number() == number).findFirst();
    }

    /**
     * Who takes {@code item} over when {@code person} acknowledges it: the person, or null when they already did.
     * The writer cannot take over their own work, and, when the next shift names its members, nor can someone
     * outside it unless a supervisor.
     *
     * @throws HandoverRefusedException when {@code person} may not acknowledge it
     */
    public String acknowledgedBy(HandoverItem item, String person, boolean supervisor) {
        if (item.acknowledged()) {
            if (item.acknowledgedBy().equals(person)) {
                return null;
            }
            throw new HandoverRefusedException("Item " + item.number() + " was already acknowledged by "
                    + item.acknowledgedBy() + " at " + item.acknowledgedAt());
        }
        if (person.equals(writtenBy)) {
            throw new HandoverRefusedException(person + " wrote this handover: someone of the incoming shift"
                    + " acknowledges each item, so that two people have seen it");
        }
        if (!supervisor && !nextMembers.isEmpty() && !nextMembers.contains(person)) {
            throw HandoverRefusedException.notAllowed(person + " is not on shift '" + nextShift
                    + "', which takes this handover over (its members and supervisors acknowledge it)");
        }
        return person;
    }
}
