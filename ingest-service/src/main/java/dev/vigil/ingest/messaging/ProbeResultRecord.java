package dev.vigil.ingest.messaging;

import dev.vigil.contracts.ProbeResultHeaders;
import dev.vigil.ingest.ProbeResult;
import dev.vigil.ingest.ProbeResultParser;
import dev.vigil.ingest.TooManyAlertsException;
import dev.vigil.ingest.api.AlertIntake;
import dev.vigil.platform.messaging.IncomingEvent;
import dev.vigil.platform.problem.ProblemException;
import dev.vigil.platform.validation.InvalidInputException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads one record of {@code vigil.probe-results}: its ingest key header and its value, held to exactly the rules
 * of {@code POST /v1/alerts}. A record that breaks them is refused with a cause and a reason an operator can act
 * on, as an HTTP caller would get them in a problem.
 */
public sealed interface ProbeResultRecord {

    /** Where the record sits, {@code topic-partition@offset}: its identity on the broker. */
    static String coordinates(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    static ProbeResultRecord read(ConsumerRecord<String, String> record, int maxAlerts) {
        Optional<String> key = IncomingEvent.header(record, ProbeResultHeaders.INGEST_KEY).map(String::strip)
                .filter(value -> !value.isEmpty());
        if (key.isEmpty()) {
            return new Refused("no-ingest-key", "the record has no " + ProbeResultHeaders.INGEST_KEY
                    + " header: set it to the tenant's ingest key");
        }
        try {
            return new Readable(key.get(), ProbeResultParser.parse(AlertIntake.readJson(record.value()), maxAlerts));
        } catch (InvalidInputException e) {
            return new Refused("invalid", e.violations().stream().map(v -> v.field() + ": " + v.reason())
                    .collect(Collectors.joining("; ")));
        } catch (TooManyAlertsException e) {
            return new Refused("too-many-alerts", e.getMessage());
        } catch (ProblemException e) {
            String fields = e.toProblem().errors().stream()
                    .map(error -> "; " + error.field() + ": " + error.message()).collect(Collectors.joining());
            return new Refused("invalid", e.getMessage() + fields);
        }
    }

    /** A record whose alerts are valid; whether its key is live is the next question. */
    record Readable(String ingestKey, List<ProbeResult> results) implements ProbeResultRecord {
    }

    /** @param cause a short fixed name (the dead-letter metric's tag) */
    record Refused(String cause, String reason) implements ProbeResultRecord {
    }
}
