package dev.vigil.triage;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.contracts.Alert;
import dev.vigil.contracts.AlertStatus;
import dev.vigil.testsupport.TestInfra;
import dev.vigil.testsupport.VigilTestResources;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Staff see the tenants their token names, and every list can be read to its end, page by page. */
@QuarkusTest
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class IncidentListTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PROBLEM = "application/problem+json";

    @Test
    void staffOfTwoTenantsSeeBothButNotAThirdInListsAndById() {
        String a = TestAlerts.newTenant();
        String b = TestAlerts.newTenant();
        String c = TestAlerts.newTenant();
        TestAlerts.publishAll(List.of(TestAlerts.alert(a, "fp-a", AlertStatus.FIRING),
                TestAlerts.alert(b, "fp-b", AlertStatus.FIRING), TestAlerts.alert(c, "fp-c", AlertStatus.FIRING)));
        String supervisorOfC = TestInfra.token("supervisor", c);
        String incidentOfC = await().atMost(WAIT).until(() -> ids(supervisorOfC, ""), ids -> ids.size() == 1).get(0);

        String operator = TestInfra.staffToken("operator", List.of(a, b));
        List<String> tenantsSeen = await().atMost(WAIT)
                .until(() -> tenantsOf(operator, ""), seen -> seen.size() == 2);
        assertEquals(Set.of(a, b), Set.copyOf(tenantsSeen));
        assertEquals(List.of(a), tenantsOf(operator, "?tenant=" + a));
        assertEquals(Set.of(a, b), Set.copyOf(tenantsOf(operator, "?tenant=" + a + "&tenant=" + b)));

        given().auth().oauth2(operator).get("/v1/incidents?tenant=" + c).then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(operator).get("/v1/incidents/" + incidentOfC).then().statusCode(404)
                .contentType(PROBLEM);
        given().auth().oauth2(TestInfra.staffToken("operator", List.of("*"))).get("/v1/incidents/" + incidentOfC)
                .then().statusCode(200).body("tenant", equalTo(c));
        given().auth().oauth2(TestInfra.token("operator", a)).get("/v1/incidents?tenant=" + b).then().statusCode(403);
        given().auth().oauth2(operator).get("/v1/incidents?tenant=Not%20A%20Tenant").then().statusCode(400)
                .body("errors[0].field", equalTo("tenant"));
    }

    @Test
    void pagesWalkEveryIncidentOnceWhileNewOnesArrive() {
        String tenant = TestAlerts.newTenant();
        String operator = TestInfra.token("operator", tenant);
        TestAlerts.publishAll(alerts(tenant, "before", 1_200));
        await().atMost(WAIT).until(() -> walk(operator, 500, () -> { }).size() == 1_200);

        // between two pages, 25 newer incidents open: an offset would show the last rows of a page again
        int[] round = {0};
        List<String> walked = walk(operator, 100, () -> {
            List<Alert> newer = alerts(tenant, "during-" + round[0]++, 25);
            TestAlerts.publishAll(newer);
            String newest = newer.get(newer.size() - 1).fingerprint();
            await().atMost(WAIT).until(() -> fingerprints(operator, "?limit=500").contains(newest));
        });

        Set<String> distinct = new HashSet<>(walked);
        assertEquals(walked.size(), distinct.size(), "an incident appeared on two pages");
        Set<String> existing = new HashSet<>(alerts(tenant, "before", 1_200).stream().map(Alert::fingerprint).toList());
        assertTrue(distinct.containsAll(existing), "an incident that existed before the walk was skipped");
        assertEquals(1_200 + 25 * round[0], walk(operator, 500, () -> { }).size());
    }

    @Test
    void aCursorThatNoPageGaveOutIsABadRequest() {
        String operator = TestInfra.token("operator", TestAlerts.newTenant());
        given().auth().oauth2(operator).get("/v1/incidents?cursor=not-a-cursor").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("cursor"));
        given().auth().oauth2(operator).get("/v1/incidents?cursor=MTIzLmFiYw").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("cursor"));
    }

    private static List<Alert> alerts(String tenant, String prefix, int count) {
        return IntStream.range(0, count).mapToObj(n -> TestAlerts.alert(tenant, prefix + "-" + n, AlertStatus.FIRING))
                .toList();
    }

    /** Every incident's fingerprint (one incident each here), following nextCursor to the last page. */
    private static List<String> walk(String token, int pageSize, Runnable betweenPages) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = given().auth().oauth2(token).queryParam("limit", pageSize)
                    .queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
                    .get("/v1/incidents").then().statusCode(200).extract().jsonPath();
            List<String> items = page.getList("items.fingerprint", String.class);
            assertTrue(items.size() <= pageSize);
            ids.addAll(items);
            cursor = page.getString("nextCursor");
            if (cursor != null) {
                betweenPages.run();
            }
        } while (cursor != null);
        return ids;
    }

    private static List<String> ids(String token, String query) {
        return given().auth().oauth2(token).get("/v1/incidents" + query).then().statusCode(200).extract().jsonPath()
                .getList("items.id", String.class);
    }

    private static List<String> fingerprints(String token, String query) {
        return given().auth().oauth2(token).get("/v1/incidents" + query).then().statusCode(200).extract().jsonPath()
                .getList("items.fingerprint", String.class);
    }

    private static List<String> tenantsOf(String token, String query) {
        return given().auth().oauth2(token).get("/v1/incidents" + query).then().statusCode(200).extract().jsonPath()
                .getList("items.tenant", String.class);
    }
}
