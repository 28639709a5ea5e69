package dev.vigil.triage;

import dev.vigil.contracts.Alert;
import dev.vigil.contracts.AlertStatus;
import dev.vigil.contracts.CloudEventHeaders;
import dev.vigil.contracts.EventTypes;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.Keys;
import dev.vigil.contracts.Severity;
import dev.vigil.contracts.Topics;
import dev.vigil.testsupport.TestInfra;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Alerts as ingest publishes them, for triage's Quarkus tests. */
final class TestAlerts {
    private TestAlerts() {
    }

    static String newTenant() {
        return "t" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Each fingerprint on a resource of its own, so that grouping keeps them apart. */
    static Alert alert(String tenant, String fingerprint, AlertStatus status) {
        Instant now = Instant.now();
        return new Alert(UUID.randomUUID(), tenant, fingerprint, "nagios", fingerprint, "http", Severity.CRITICAL, status,
                "HTTP 503 from " + fingerprint, Map.of("env", "prod"), Map.of(), now, now);
    }

    /** On vigil.alerts, keyed and with the CloudEvents headers ingest sets. */
    static void publish(Alert alert) {
        publishAll(List.of(alert));
    }

    static void publishAll(List<Alert> alerts) {
        TestInfra.produceAll(alerts.stream().map(TestAlerts::record).toList());
    }

    private static ProducerRecord<String, String> record(Alert alert) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.ALERTS,
                Keys.alert(alert.tenant(), alert.fingerprint()), Json.write(alert));
        Map.of(CloudEventHeaders.SPEC_VERSION, "1.0", CloudEventHeaders.ID, alert.eventId().toString(),
                CloudEventHeaders.TYPE, EventTypes.ALERT, CloudEventHeaders.TENANT, alert.tenant())
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
