package dev.vigil.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Items of one tenant in a shift handover that nobody of the incoming shift acknowledged in time, on
 * {@link Topics#RUNBOOK}: the tenant's supervisors are told, so open work is not left between two shifts.
 *
 * @param shift          the shift that handed over
 * @param nextShift      the shift that was to take over; null when no shift follows it
 * @param writtenBy      who wrote the handover
 * @param acknowledgeBy  when the items were due to be acknowledged
 * @param items          the items still unacknowledged, in the handover's order
 */
public record HandoverOverdueEvent(
        UUID eventId,
        String tenant,
        UUID handoverId,
        String shift,
        String nextShift,
        String writtenBy,
        Instant writtenAt,
        Instant acknowledgeBy,
        List<Item> items) implements ConsumedEvent {

    /** One item as the supervisor reads it: what it is about, in one line, and what is left to do. */
    public record Item(int number, String kind, String title, String detail) {
    }

    public HandoverOverdueEvent {
        items = items == null ? List.of() : List.copyOf(items);
    }

    @Override
    public Optional<String> missingField() {
        if (handoverId == null) {
            return Optional.of("handoverId");
        }
        return items.isEmpty() ? Optional.of("items") : Optional.empty();
    }
}
