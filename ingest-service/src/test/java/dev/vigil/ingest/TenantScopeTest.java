package dev.vigil.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.testsupport.TestInfra;
import dev.vigil.testsupport.VigilTestResources;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An admin manages exactly the tenants its token names; "*" names them all. */
@QuarkusTest
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class TenantScopeTest {
    private static final String PROBLEM = "application/problem+json";

    @Test
    void anAdminOfTwoTenantsCreatesAndSeesOnlyThose() {
        String a = newId();
        String b = newId();
        String c = newId();
        create(TestInfra.adminToken(), c).then().statusCode(201);
        String admin = TestInfra.staffToken("admin", List.of(a, b));

        create(admin, a).then().statusCode(201);
        create(admin, b).then().statusCode(201);
        create(admin, newId()).then().statusCode(403).contentType(PROBLEM);

        assertEquals(Set.of(a, b), Set.copyOf(walk(admin, 100)));
        given().auth().oauth2(admin).get("/v1/tenants?tenant=" + a).then().statusCode(200)
                .body("items.id", equalTo(List.of(a)));
        given().auth().oauth2(admin).get("/v1/tenants?tenant=" + c).then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(admin).get("/v1/tenants/" + c).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(admin).get("/v1/tenants/" + c + "/ingest-keys").then().statusCode(404);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{}").post("/v1/tenants/" + c + "/ingest-keys")
                .then().statusCode(404);
        given().auth().oauth2(admin).delete("/v1/tenants/" + c + "/ingest-keys/" + UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    void everyTenantIsReachablePageByPage() {
        String admin = TestInfra.adminToken();
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            String id = newId();
            create(admin, id).then().statusCode(201);
            created.add(id);
        }
        List<String> walked = walk(admin, 3);
        assertEquals(walked.size(), new HashSet<>(walked).size(), "a tenant appeared on two pages");
        assertTrue(walked.containsAll(created));
    }

    @Test
    void aForgedCursorIsABadRequestNotAFailure() {
        String admin = TestInfra.adminToken();
        for (String forged : List.of("9" + "0".repeat(17) + ".acme", "1700000000000000.ac\u0000me", "1.", "x.acme")) {
            String cursor = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(forged.getBytes(StandardCharsets.UTF_8));
            given().auth().oauth2(admin).queryParam("cursor", cursor).get("/v1/tenants").then().statusCode(400)
                    .contentType(PROBLEM).body("errors[0].field", equalTo("cursor"));
        }
    }

    private static io.restassured.response.Response create(String token, String id) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", "Tenant " + id)).post("/v1/tenants");
    }

    private static List<String> walk(String token, int pageSize) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = given().auth().oauth2(token).queryParam("limit", pageSize);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/v1/tenants").then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("items.id", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return ids;
    }

    private static String newId() {
        return "s-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
