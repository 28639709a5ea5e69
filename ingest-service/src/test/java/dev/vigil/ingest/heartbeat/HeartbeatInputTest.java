package dev.vigil.ingest.heartbeat;

import static dev.vigil.ingest.heartbeat.Heartbeats.allPublished;
import static dev.vigil.ingest.heartbeat.Heartbeats.of;
import static dev.vigil.ingest.heartbeat.Heartbeats.ping;
import static dev.vigil.ingest.heartbeat.Heartbeats.state;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contracts.Alert;
import dev.vigil.contracts.AlertStatus;
import dev.vigil.ingest.TestTenants;
import dev.vigil.testsupport.VigilTestResources;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pings over HTTP, the scheduled evaluator, and what reaches vigil.alerts. */
@QuarkusTest
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class HeartbeatInputTest {

    @Test
    void theFirstPingCreatesTheHeartbeatWithItsIntervalAndGrace() {
        TestTenants tenant = TestTenants.register();

        ping(tenant.key(), "nightly-backup", "?interval=PT12H&grace=900").then().statusCode(200)
                .body("tenant", equalTo(tenant.tenant())).body("name", equalTo("nightly-backup"))
                .body("state", equalTo("ok")).body("intervalSeconds", equalTo(43200))
                .body("graceSeconds", equalTo(900));
        ping(tenant.key(), "nightly-backup", "").then().statusCode(200).body("intervalSeconds", equalTo(43200));
        ping(tenant.key(), "defaults", "").then().statusCode(200).body("intervalSeconds", equalTo(86400))
                .body("graceSeconds", equalTo(3600));
    }

    @Test
    void aMissRaisesOneFiringAlertAndTheNextPingOneResolvedAlertWithTheSameFingerprint() {
        TestTenants tenant = TestTenants.register();
        ping(tenant.key(), "backup", "?interval=1&grace=0").then().statusCode(200);

        tenant.published(Duration.ofSeconds(30), alerts -> !of(alerts, "backup", AlertStatus.FIRING).isEmpty());
        await().atMost(Duration.ofSeconds(30)).until(() -> state(tenant.tenant(), "backup").equals("missed"));
        // a day from now on, so that this heartbeat never misses again while other tests run
        ping(tenant.key(), "backup", "?interval=P1D").then().statusCode(200).body("state", equalTo("ok"));
        tenant.published(Duration.ofSeconds(30), alerts -> !of(alerts, "backup", AlertStatus.RESOLVED).isEmpty());

        List<Alert> alerts = allPublished(tenant.tenant());
        List<Alert> firing = of(alerts, "backup", AlertStatus.FIRING);
        List<Alert> resolved = of(alerts, "backup", AlertStatus.RESOLVED);
        assertEquals(1, firing.size(), "one miss, one alert: " + alerts);
        assertEquals(1, resolved.size(), alerts.toString());
        assertEquals("heartbeat:backup", firing.get(0).fingerprint());
        assertEquals(firing.get(0).fingerprint(), resolved.get(0).fingerprint());
        assertEquals("heartbeat", firing.get(0).source());
        assertEquals("heartbeat", firing.get(0).check());
        assertTrue(firing.get(0).summary().startsWith("no heartbeat from backup since "), firing.get(0).summary());
        assertTrue(firing.get(0).summary().endsWith("; expected every 1s (grace 0s)"), firing.get(0).summary());
    }

    /**
     * Two heartbeats on the same schedule: one pinged on time, one left alone. Once the silent one is missed, the
     * evaluator has run past the other's first due time too, and the one pinged on time raised nothing.
     */
    @Test
    void aHeartbeatPingedOnTimeRaisesNothing() {
        TestTenants tenant = TestTenants.register();
        ping(tenant.key(), "punctual", "?interval=3&grace=1").then().statusCode(200);
        ping(tenant.key(), "silent", "?interval=3&grace=1").then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            ping(tenant.key(), "punctual", "").then().statusCode(200).body("state", equalTo("ok"));
            return state(tenant.tenant(), "silent").equals("missed");
        });
        ping(tenant.key(), "punctual", "?interval=P1D").then().statusCode(200).body("state", equalTo("ok"));

        List<Alert> alerts = allPublished(tenant.tenant());
        assertEquals(List.of(), alerts.stream().filter(a -> a.resource().equals("punctual")).toList());
        assertEquals(1, of(alerts, "silent", AlertStatus.FIRING).size(), alerts.toString());
    }
}
