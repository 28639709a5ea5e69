package dev.vigil.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.vigil.testsupport.TestInfra;
import dev.vigil.testsupport.VigilTestResources;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Alerts the broker cannot take are refused with 503, never answered 202 and lost. */
@QuarkusTest
@TestProfile(BrokerDownTest.UnreachableBroker.class)
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class BrokerDownTest {

    public static class UnreachableBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // the channel's own setting wins over the test broker's address; nothing listens on port 1
            return Map.of("mp.messaging.outgoing.alerts-out.bootstrap.servers", "127.0.0.1:1",
                    "mp.messaging.outgoing.alerts-out.max.block.ms", "1500",
                    "mp.messaging.outgoing.alerts-out.request.timeout.ms", "1000",
                    "mp.messaging.outgoing.alerts-out.delivery.timeout.ms", "2000");
        }
    }

    @Test
    void alertsTheBrokerCannotAcknowledgeAreRefusedWith503() {
        String tenant = "down-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = TestInfra.adminToken();
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"id\":\"" + tenant + "\",\"name\":\"Down\"}").post("/v1/tenants").then().statusCode(201);
        String key = given().auth().oauth2(admin).contentType(ContentType.JSON).body("{}")
                .post("/v1/tenants/" + tenant + "/ingest-keys").then().statusCode(201).extract().path("key");

        given().auth().oauth2(key).contentType(ContentType.JSON)
                .body(IngestApiTest.alertJson("web-01", "critical", "firing"))
                .post("/v1/alerts").then().statusCode(503).contentType("application/problem+json")
                .body("type", equalTo("urn:vigil:problem:unavailable"));
    }
}
