package dev.vigil.platform.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.vigil.contracts.CloudEventHeaders;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.ConsumedEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A consumed batch split into the events to apply, keyed by their {@code ce_id} (the inbox key; a batch holding
 * one event twice keeps it once, in record order), and the poison records to park, each with its reason.
 * A record is poison when it has no usable id, is not a CloudEvent 1.0 of a type the consumer knows, is not the
 * expected event, lacks a field the consumer needs, or names another tenant in its {@code ce_tenant} header than
 * in its data.
 */
public final class EventBatch<T extends ConsumedEvent> {
    private final Map<UUID, Received<T>> events = new LinkedHashMap<>();
    private final List<Poison> poison = new ArrayList<>();

    /** An event to apply, with the record it came in, which is what gets parked if applying it fails. */
    public record Received<T>(UUID id, T event, ConsumerRecord<String, String> record) {
    }

    /**
     * @param cause  a short, fixed name for the kind of problem (a metric tag)
     * @param reason what is wrong with this record, for the operator reading the DLQ
     */
    public record Poison(ConsumerRecord<String, String> record, String cause, String reason) {
    }

    private EventBatch() {
    }

    /**
     * @param eventTypes the {@code ce_type}s the consumer applies; a record of another type is parked, not guessed
     *                   at, unless it is one of {@code passedOver}
     * @param passedOver types its topic carries for other consumers: such a record is neither applied nor parked
     */
    public static <T extends ConsumedEvent> EventBatch<T> decode(Iterable<ConsumerRecord<String, String>> records,
            Class<T> type, Set<String> eventTypes, Set<String> passedOver) {
        EventBatch<T> batch = new EventBatch<>();
        for (ConsumerRecord<String, String> record : records) {
            Optional<UUID> id = IncomingEvent.id(record);
            if (id.isEmpty()) {
                batch.poison.add(new Poison(record, "no-id", "missing or malformed " + CloudEventHeaders.ID + " header"));
                continue;
            }
            Optional<String> specVersion = IncomingEvent.header(record, CloudEventHeaders.SPEC_VERSION);
            if (!specVersion.equals(Optional.of(CloudEventHeaders.SUPPORTED_SPEC_VERSION))) {
                batch.poison.add(new Poison(record, "unknown-specversion", CloudEventHeaders.SPEC_VERSION + " is "
                        + specVersion.orElse("missing") + ", not " + CloudEventHeaders.SUPPORTED_SPEC_VERSION));
                continue;
            }
            Optional<String> eventType = IncomingEvent.header(record, CloudEventHeaders.TYPE);
            if (eventType.isPresent() && passedOver.contains(eventType.get())) {
                continue;
            }
            if (eventType.isEmpty() || !eventTypes.contains(eventType.get())) {
                batch.poison.add(new Poison(record, "unknown-type", CloudEventHeaders.TYPE + " " + eventType.orElse(
                        "is missing") + (eventType.isPresent() ? " is not one of " + new TreeSet<>(eventTypes) : "")));
                continue;
            }
            try {
                T event = record.value() == null ? null : Json.read(record.value(), type);
                Optional<String> problem = problem(record, event, type);
                if (problem.isPresent()) {
                    batch.poison.add(new Poison(record, "invalid-event", problem.get()));
                } else {
                    batch.events.putIfAbsent(id.get(), new Received<>(id.get(), event, record));
                }
            } catch (JsonProcessingException e) {
                batch.poison.add(new Poison(record, "not-json", "the value is not a valid " + type.getSimpleName()
                        + ": " + e.getOriginalMessage()));
            }
        }
        return batch;
    }

    private static <T extends ConsumedEvent> Optional<String> problem(ConsumerRecord<String, String> record, T event,
            Class<T> type) {
        if (event == null) {
            return Optional.of("the value is empty, not a " + type.getSimpleName());
        }
        if (event.tenant() == null || event.tenant().isBlank()) {
            return Optional.of("the " + type.getSimpleName() + " has no tenant");
        }
        Optional<String> missing = event.missingField();
        if (missing.isPresent()) {
            return Optional.of("the " + type.getSimpleName() + " lacks " + missing.get());
        }
        Optional<String> headerTenant = IncomingEvent.header(record, CloudEventHeaders.TENANT);
        if (headerTenant.isPresent() && !headerTenant.get().equals(event.tenant())) {
            return Optional.of("the " + CloudEventHeaders.TENANT + " header names another tenant than the data");
        }
        return Optional.empty();
    }

    /** The events to apply, in record order. */
    public List<Received<T>> events() {
        return List.copyOf(events.values());
    }

    public List<Poison> poison() {
        return Collections.unmodifiableList(poison);
    }
}
