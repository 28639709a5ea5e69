package dev.vigil.notify;

import static io.restassured.RestAssured.given;

import dev.vigil.contracts.Audience;
import dev.vigil.platform.security.Roles;
import dev.vigil.testsupport.TestInfra;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import java.util.UUID;

/** Registers endpoints through the REST API: a customer its own, a supervisor the MSP's channels. */
public final class TestEndpoints {

    public record Registered(UUID id, String secret) {
    }

    private TestEndpoints() {
    }

    /** A customer's endpoint, registered by the customer. */
    public static Registered register(String tenant, String url) {
        return register(TestInfra.token(Roles.CUSTOMER, tenant), Map.of("url", url));
    }

    /** An endpoint for {@code audience}, registered by a supervisor of the tenant. */
    public static Registered register(String tenant, String url, Audience audience) {
        return register(TestInfra.token(Roles.SUPERVISOR, tenant),
                Map.of("tenant", tenant, "url", url, "audience", audience.wireName()));
    }

    /** A customer's endpoint as {@code body} describes it (channel, language and so on), registered by the customer. */
    public static Registered registerAs(String tenant, Map<String, String> body) {
        return register(TestInfra.token(Roles.CUSTOMER, tenant), body);
    }

    private static Registered register(String token, Map<String, String> body) {
        JsonPath created = given().auth().oauth2(token)
                .contentType(ContentType.JSON).body(body)
                .when().post("/v1/endpoints")
                .then().statusCode(201).extract().jsonPath();
        return new Registered(UUID.fromString(created.getString("id")), created.getString("secret"));
    }
}
