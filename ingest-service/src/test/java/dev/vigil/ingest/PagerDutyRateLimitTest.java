package dev.vigil.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.vigil.contracts.Topics;
import dev.vigil.ingest.pagerduty.PagerDutyEventTest;
import dev.vigil.testsupport.VigilTestResources;
import dev.vigil.testsupport.fuzz.TopicLength;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A PagerDuty sender past its tenant's rate gets the 429 PagerDuty's senders retry on (PagerDuty: "retry after some
 * time"), with Retry-After, and nothing of the event is published.
 */
@QuarkusTest
@TestProfile(RateLimitTest.SlowTenants.class)
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PagerDutyRateLimitTest {

    @Test
    void aTriggerPastTheTenantsBurstIsAnswered429WithRetryAfter() {
        String key = TestTenants.register().key();
        String burst = IntStream.range(0, 20).mapToObj(i -> "{\"source\":\"probe\",\"resource\":\"web-" + i
                + "\",\"check\":\"http\",\"severity\":\"minor\"}").collect(Collectors.joining(",", "[", "]"));
        given().auth().oauth2(key).contentType(ContentType.JSON).body(burst).post("/v1/alerts").then().statusCode(202);

        String trigger = PagerDutyEventTest.TRIGGER.replace("vik_samplekeyhere", key);
        try (TopicLength alerts = new TopicLength(Topics.ALERTS)) {
            // the bucket refills at 2 a second while the burst is sent: triggers take what came back,
            // then one is refused
            for (int sent = 0; sent < 40; sent++) {
                long before = alerts.now();
                Response answer = given().contentType(ContentType.JSON).body(trigger).post("/v2/enqueue");
                if (answer.statusCode() == 429) {
                    answer.then().contentType("application/problem+json")
                            .body("type", equalTo("urn:vigil:problem:too-many-requests"));
                    assertTrue(Long.parseLong(answer.header("Retry-After")) >= 1);
                    assertEquals(before, alerts.now(), "a refused event publishes nothing");
                    return;
                }
                answer.then().statusCode(202);
            }
            fail("40 triggers at once were never held to a rate of 2 a second");
        }
    }
}
