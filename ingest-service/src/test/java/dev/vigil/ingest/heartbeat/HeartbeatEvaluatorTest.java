package dev.vigil.ingest.heartbeat;

import static dev.vigil.ingest.heartbeat.Heartbeats.allPublished;
import static dev.vigil.ingest.heartbeat.Heartbeats.of;
import static dev.vigil.ingest.heartbeat.Heartbeats.ping;
import static dev.vigil.ingest.heartbeat.Heartbeats.state;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.contracts.Alert;
import dev.vigil.contracts.AlertStatus;
import dev.vigil.ingest.TestTenants;
import dev.vigil.testsupport.VigilTestResources;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Evaluations racing and crashing, against the real database and broker. The heartbeats here are due in an hour
 * and the evaluations run as of two hours from now, so the scheduled evaluator (which runs as of now) leaves them
 * to the test.
 */
@QuarkusTest
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class HeartbeatEvaluatorTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Supplier<Uni<Void>> CRASH = () -> Uni.createFrom().failure(
            new IllegalStateException("the replica died before its commit"));

    @Inject
    HeartbeatEvaluator evaluator;

    @Inject
    HeartbeatPings pings;

    @Test
    void twoEvaluatorsRacingPublishExactlyOneAlertPerMiss() {
        TestTenants tenant = TestTenants.register();
        List<String> names = List.of("race-1", "race-2", "race-3", "race-4");
        names.forEach(name -> ping(tenant.key(), name, "?interval=3600&grace=0").then().statusCode(200));
        Instant later = Instant.now().plus(Duration.ofHours(2));

        Uni.join().all(evaluator.evaluate(later), evaluator.evaluate(later), evaluator.evaluate(later))
                .andFailFast().await().atMost(WAIT);

        List<Alert> alerts = allPublished(tenant.tenant());
        for (String name : names) {
            assertEquals(1, of(alerts, name, AlertStatus.FIRING).size(), name + ": " + alerts);
            assertEquals("missed", state(tenant.tenant(), name));
        }
    }

    @Test
    void anEvaluationThatCrashedAfterPublishingRepublishesTheSameEventId() {
        TestTenants tenant = TestTenants.register();
        ping(tenant.key(), "crashy", "?interval=3600&grace=0").then().statusCode(200);
        Instant later = Instant.now().plus(Duration.ofHours(2));

        assertThrows(IllegalStateException.class, () -> evaluator.evaluate(later, CRASH).await().atMost(WAIT));
        assertEquals("ok", state(tenant.tenant(), "crashy"), "the crash rolled the miss back");
        assertEquals(1, of(allPublished(tenant.tenant()), "crashy", AlertStatus.FIRING).size());

        evaluator.evaluate(later).await().atMost(WAIT);

        assertEquals("missed", state(tenant.tenant(), "crashy"));
        List<Alert> firing = of(allPublished(tenant.tenant()), "crashy", AlertStatus.FIRING);
        assertEquals(2, firing.size(), "published before the crash and again after it");
        assertEquals(1, ids(firing).size(), "the same event, which triage's inbox counts once");
        evaluator.evaluate(later.plusSeconds(60)).await().atMost(WAIT);
        assertEquals(2, of(allPublished(tenant.tenant()), "crashy", AlertStatus.FIRING).size(), "missed twice");
    }

    @Test
    void aResolvingPingThatCrashedAfterPublishingRepublishesTheSameEventId() {
        TestTenants tenant = TestTenants.register();
        ping(tenant.key(), "flaky", "?interval=3600&grace=0").then().statusCode(200);
        evaluator.evaluate(Instant.now().plus(Duration.ofHours(2))).await().atMost(WAIT);
        assertEquals("missed", state(tenant.tenant(), "flaky"));

        assertThrows(IllegalStateException.class, () -> pings.ping(tenant.tenant(), "flaky",
                HeartbeatSchedule.Change.NONE, Instant.now(), CRASH).await().atMost(WAIT));
        assertEquals("missed", state(tenant.tenant(), "flaky"), "the crash rolled the ping back");

        ping(tenant.key(), "flaky", "?interval=P1D").then().statusCode(200).body("state", equalTo("ok"));

        List<Alert> resolved = of(allPublished(tenant.tenant()), "flaky", AlertStatus.RESOLVED);
        assertEquals(2, resolved.size(), "published before the crash and again by the retried ping");
        assertEquals(1, ids(resolved).size());
    }

    private static Set<String> ids(List<Alert> alerts) {
        return alerts.stream().map(a -> a.eventId().toString()).collect(Collectors.toSet());
    }
}
