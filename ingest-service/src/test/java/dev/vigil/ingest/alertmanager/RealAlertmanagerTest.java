package dev.vigil.ingest.alertmanager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contracts.Alert;
import dev.vigil.contracts.AlertStatus;
import dev.vigil.contracts.Severity;
import dev.vigil.ingest.TestTenants;
import dev.vigil.testsupport.RealAlertmanager;
import dev.vigil.testsupport.VigilTestResources;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A real Alertmanager whose webhook receiver points at ingest unchanged, with the ingest key in
 * {@code http_config.authorization}: its firing and resolved notifications arrive as Vigil alerts of one
 * fingerprint. {@code StackIT} follows the same alerts through triage to an incident opened and resolved.
 */
@QuarkusTest
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RealAlertmanagerTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TestHTTPResource("/v1/ingest/alertmanager")
    URL ingest;

    @Test
    void firingAndResolvedNotificationsBecomeAlertsOfOneFingerprint() throws Exception {
        Assumptions.assumeTrue(RealAlertmanager.installed(), RealAlertmanager.BINARY + " is not installed");
        TestTenants tenant = TestTenants.register();
        try (RealAlertmanager alertmanager = RealAlertmanager.start(ingest.toString(), tenant.key())) {
            Instant startsAt = Instant.now().minusSeconds(60);

            alertmanager.post("DiskFull", "db-01:9100", startsAt, null);
            List<Alert> firing = tenant.published(WAIT, alerts -> !alerts.isEmpty());
            Alert first = firing.get(0);
            assertEquals("DiskFull", first.check());
            assertEquals("db-01:9100", first.resource());
            assertEquals(Severity.CRITICAL, first.severity());
            assertEquals(AlertStatus.FIRING, first.status());
            assertTrue(first.fingerprint().startsWith("alertmanager:"), first.fingerprint());
            assertEquals("/var is 97% full", first.summary());

            alertmanager.post("DiskFull", "db-01:9100", startsAt, Instant.now());
            List<Alert> all = tenant.published(WAIT,
                    alerts -> alerts.stream().anyMatch(a -> a.status() == AlertStatus.RESOLVED));
            Alert resolved = all.stream().filter(a -> a.status() == AlertStatus.RESOLVED).findFirst().orElseThrow();
            assertEquals(first.fingerprint(), resolved.fingerprint(), "the resolve matches its firing");
        }
    }
}
