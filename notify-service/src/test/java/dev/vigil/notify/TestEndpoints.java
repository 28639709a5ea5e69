package dev.vigil.notify;

import static io.restassured.RestAssured.given;

import dev.vigil.platform.security.Roles;
import dev.vigil.testsupport.TestInfra;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import java.util.UUID;

/** Registers endpoints through the REST API, as a customer would. */
public final class TestEndpoints {

    public record Registered(UUID id, String secret) {
    }

    private TestEndpoints() {
    }

    public static Registered register(String tenant, String url) {
        JsonPath created = given().auth().oauth2(TestInfra.token(Roles.CUSTOMER, tenant))
                .contentType(ContentType.JSON).body(Map.of("url", url))
                .when().post("/v1/endpoints")
                .then().statusCode(201).extract().jsonPath();
        return new Registered(UUID.fromString(created.getString("id")), created.getString("secret"));
    }
}
