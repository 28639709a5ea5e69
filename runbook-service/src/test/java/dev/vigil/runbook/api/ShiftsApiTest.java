package dev.vigil.runbook.api;

import static dev.vigil.runbook.Fixtures.as;
import static dev.vigil.runbook.Fixtures.newTenant;
import static dev.vigil.runbook.Fixtures.operator;
import static dev.vigil.runbook.Fixtures.refusedNaming;
import static dev.vigil.runbook.Fixtures.supervisor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.vigil.platform.security.Roles;
import dev.vigil.testsupport.VigilTestResources;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Supervisors define the MSP's shifts; all staff read them, and exactly one of two complementary shifts is on. */
@QuarkusTest
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ShiftsApiTest {
    private static final String PROBLEM = "application/problem+json";

    @Test
    void morningAndNightCoverTheDayAndAreEditedAndDeleted() {
        String tenant = newTenant();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String morning = supervisor(tenant).body(shift("morning-" + suffix, "08:30", "20:30", List.of("aiko")))
                .post("/v1/shifts").then().statusCode(201)
                .body("timeZone", equalTo("Asia/Tokyo"))
                .body("starts", equalTo("08:30"))
                .body("updatedBy", equalTo("supervisor@" + tenant))
                .extract().header("Location");
        String night = supervisor(tenant).body(shift("night-" + suffix, "20:30", "08:30", List.of("kenji", "mei")))
                .post("/v1/shifts").then().statusCode(201).extract().header("Location");

        boolean morningOn = operator(newTenant()).get(morning).then().statusCode(200).extract().path("onDuty");
        boolean nightOn = operator(tenant).get(night).then().statusCode(200)
                .body("members", equalTo(List.of("kenji", "mei"))).extract().path("onDuty");
        assertNotEquals(morningOn, nightOn, "one of two complementary shifts is on duty");
        operator(tenant).queryParam("limit", 500).get("/v1/shifts").then().statusCode(200)
                .body("items.name", hasItem("night-" + suffix));

        supervisor(tenant).body(shift("night-" + suffix, "21:00", "09:00", List.of("kenji")))
                .put(night).then().statusCode(200)
                .body("starts", equalTo("21:00"))
                .body("members", equalTo(List.of("kenji")));
        given().auth().oauth2(dev.vigil.testsupport.TestInfra.token(Roles.SUPERVISOR, tenant))
                .contentType("application/json").body(shift("morning-" + suffix, "21:00", "09:00", List.of("x")))
                .put(night).then().statusCode(409).contentType(PROBLEM);
        supervisor(tenant).body(shift("morning-" + suffix, "07:00", "19:00", List.of("y"))).post("/v1/shifts")
                .then().statusCode(409).contentType(PROBLEM);

        supervisor(tenant).delete(night).then().statusCode(204);
        operator(tenant).get(night).then().statusCode(404).contentType(PROBLEM);
        supervisor(tenant).delete(night).then().statusCode(404);
        supervisor(tenant).body(shift("x-" + suffix, "01:00", "02:00", List.of("z"))).put(night).then()
                .statusCode(404);
    }

    @Test
    void aWrongShiftIsRefusedNamingEachField() {
        String tenant = newTenant();

        refusedNaming("timeZone", post(tenant, Map.of("name", "n", "timeZone", "Mars/Olympus", "starts", "08:00",
                "ends", "20:00", "members", List.of("a"))));
        refusedNaming("starts", post(tenant, Map.of("name", "n", "timeZone", "UTC", "starts", "25:00",
                "ends", "20:00", "members", List.of("a"))));
        refusedNaming("ends", post(tenant, Map.of("name", "n", "timeZone", "UTC", "starts", "8am",
                "ends", "8pm", "members", List.of("a"))));
        refusedNaming("ends", post(tenant, Map.of("name", "n", "timeZone", "UTC", "starts", "08:00",
                "ends", "08:00", "members", List.of("a"))));
        refusedNaming("members", post(tenant, Map.of("name", "n", "timeZone", "UTC", "starts", "08:00",
                "ends", "20:00", "members", List.of())));
        refusedNaming("members[1]", post(tenant, Map.of("name", "n", "timeZone", "UTC", "starts", "08:00",
                "ends", "20:00", "members", List.of("a", "a"))));
        refusedNaming("name", post(tenant, Map.of("timeZone", "UTC", "starts", "08:00", "ends", "20:00",
                "members", List.of("a"))));
        refusedNaming("id", operator(tenant).get("/v1/shifts/nope").then());
    }

    @Test
    void onlySupervisorsDefineShiftsAndCustomersSeeNone() {
        String tenant = newTenant();
        Map<String, Object> body = shift("day-" + UUID.randomUUID(), "08:00", "20:00", List.of("a"));

        operator(tenant).body(body).post("/v1/shifts").then().statusCode(403).contentType(PROBLEM);
        as(Roles.CUSTOMER, tenant).get("/v1/shifts").then().statusCode(403);
        given().get("/v1/shifts").then().statusCode(401);
    }

    private static io.restassured.response.ValidatableResponse post(String tenant, Map<String, Object> body) {
        return supervisor(tenant).body(body).post("/v1/shifts").then();
    }

    private static Map<String, Object> shift(String name, String starts, String ends, List<String> members) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("timeZone", "Asia/Tokyo");
        body.put("starts", starts);
        body.put("ends", ends);
        body.put("members", members);
        return body;
    }
}
