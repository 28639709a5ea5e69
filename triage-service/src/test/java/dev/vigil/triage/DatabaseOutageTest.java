package dev.vigil.triage;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contracts.AlertStatus;
import dev.vigil.contracts.Topics;
import dev.vigil.testsupport.ConsumerMetrics;
import dev.vigil.testsupport.TestInfra;
import dev.vigil.testsupport.VigilTestResources;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * While the database cannot apply a batch, triage holds it (the broker keeps the backlog), reports itself not
 * ready and parks nothing; once the database is back, every alert is applied exactly once.
 */
@QuarkusTest
@TestProfile(BreaksTheDatabase.class)
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DatabaseOutageTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int TENANTS = 3;
    private static final int ALERTS_PER_TENANT = 40;

    @Inject
    Pool pool;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void aDatabaseThatRefusesConnectionsHoldsTheStreamAndLosesNothing() {
        List<String> tenants;
        double retriesBefore = retries();
        try (DatabaseOutage outage = DatabaseOutage.begin(jdbcUrl, user, password)) {
            tenants = publishFromSeveralTenants();
            await().atMost(WAIT).until(() -> retries() >= retriesBefore + 3);
            given().get("/q/health/ready").then().statusCode(503);
            given().auth().oauth2(TestInfra.token("operator", tenants.get(0))).get("/v1/incidents").then()
                    .statusCode(503).contentType("application/problem+json").header("Retry-After", "5")
                    .body("type", equalTo("urn:vigil:problem:unavailable"));
            // the rules go through Hibernate Reactive rather than plain SQL: the same answer
            given().auth().oauth2(TestInfra.token("operator", tenants.get(0))).get("/v1/rules/" + tenants.get(0))
                    .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "5")
                    .body("type", equalTo("urn:vigil:problem:unavailable"));
        }
        assertEveryAlertAppliedOnceAndNoneParked(tenants);
    }

    @Test
    void aBatchTheSchemaCannotTakeIsHeldNotParkedAndAppliedOnceTheSchemaIsFixed() {
        List<String> tenants;
        double retriesBefore = retries();
        pool.query("alter table inbox rename to inbox_unavailable").execute().await().indefinitely();
        try {
            tenants = publishFromSeveralTenants();
            await().atMost(WAIT).until(() -> retries() >= retriesBefore + 3);
            // the database answers, so only the held batch can make the service unready
            given().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'vigil-consumers' }.status", equalTo("DOWN"));
        } finally {
            pool.query("alter table inbox_unavailable rename to inbox").execute().await().indefinitely();
        }
        assertEveryAlertAppliedOnceAndNoneParked(tenants);
    }

    /** Each tenant's alerts repeat one fingerprint, so the incident's count is the number applied. */
    private static List<String> publishFromSeveralTenants() {
        List<String> tenants = new ArrayList<>();
        for (int t = 0; t < TENANTS; t++) {
            tenants.add(TestAlerts.newTenant());
        }
        for (int i = 0; i < ALERTS_PER_TENANT; i++) {
            for (String tenant : tenants) {
                TestAlerts.publish(TestAlerts.alert(tenant, "fp-disk", AlertStatus.FIRING));
            }
        }
        return tenants;
    }

    private static void assertEveryAlertAppliedOnceAndNoneParked(List<String> tenants) {
        await().atMost(WAIT).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        for (String tenant : tenants) {
            await().atMost(WAIT).untilAsserted(() -> assertEquals(ALERTS_PER_TENANT, occurrences(tenant)));
        }
        // a late duplicate would show up after a quiet period
        List<ConsumerRecord<String, String>> parked = TestInfra.consume(Topics.DLQ_TRIAGE, Duration.ofSeconds(3),
                seen -> false);
        Set<String> parkedTenants = parked.stream().map(r -> TestInfra.header(r, "ce_tenant"))
                .collect(Collectors.toSet());
        for (String tenant : tenants) {
            assertEquals(ALERTS_PER_TENANT, occurrences(tenant), "occurrences of " + tenant);
            assertTrue(!parkedTenants.contains(tenant), "an alert of " + tenant + " was parked");
        }
    }

    private static int occurrences(String tenant) {
        List<Integer> counts = given().auth().oauth2(TestInfra.token("operator", tenant)).get("/v1/incidents")
                .then().statusCode(200).extract().jsonPath().getList("items.occurrences", Integer.class);
        return counts.stream().mapToInt(Integer::intValue).sum();
    }

    private static double retries() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return ConsumerMetrics.of(metrics, "vigil_consumer_retries_total", "alerts-in");
    }
}
