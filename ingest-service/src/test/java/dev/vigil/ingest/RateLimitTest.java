package dev.vigil.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.testsupport.VigilTestResources;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** One noisy tenant is held to its rate; the others keep theirs. */
@QuarkusTest
@TestProfile(RateLimitTest.SlowTenants.class)
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RateLimitTest {

    public static class SlowTenants implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vigil.ingest.rate.alerts-per-second", "1", "vigil.ingest.rate.burst", "20",
                    "vigil.ingest.max-alerts-per-request", "50");
        }
    }

    @Test
    void aTenantPastItsBurstIsAskedToWaitAndOthersAreNot() {
        String noisy = TestTenants.register().key();
        String quiet = TestTenants.register().key();

        post(noisy, 20).then().statusCode(202).body("accepted", equalTo(20));
        // a full burst again: at 1 alert/s it could pass only after 20 s, however slow this machine is
        Response refused = post(noisy, 20);
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("urn:vigil:problem:too-many-requests"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 20, "20 alerts at 1/s: " + retryAfter + " s");

        post(quiet, 20).then().statusCode(202);
    }

    @Test
    void aRequestLargerThanTheBurstCouldNeverPassAndIsTooLarge() {
        post(TestTenants.register().key(), 21).then().statusCode(413).contentType("application/problem+json");
    }

    private static Response post(String key, int alerts) {
        String body = IntStream.range(0, alerts).mapToObj(i -> "{\"source\":\"probe\",\"resource\":\"web-" + i
                + "\",\"check\":\"http\",\"severity\":\"minor\"}").collect(Collectors.joining(",", "[", "]"));
        return given().auth().oauth2(key).contentType(ContentType.JSON).body(body).post("/v1/alerts");
    }
}
