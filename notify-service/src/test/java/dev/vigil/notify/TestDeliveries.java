package dev.vigil.notify;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dev.vigil.platform.security.Roles;
import dev.vigil.testsupport.TestInfra;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.UUID;

/** Reads an incident's deliveries through the REST API, as the tenant's customer sees them. */
public final class TestDeliveries {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private TestDeliveries() {
    }

    public static Response of(String tenant, UUID incident) {
        return given().auth().oauth2(TestInfra.token(Roles.CUSTOMER, tenant))
                .queryParam("incidentId", incident.toString())
                .when().get("/v1/deliveries");
    }

    /** The incident's one delivery, once it has {@code status}. */
    public static JsonPath awaitStatus(String tenant, UUID incident, String status) {
        return await().atMost(DEADLINE).until(
                () -> of(tenant, incident).then().statusCode(200).extract().jsonPath(),
                json -> json.getList("items").size() == 1 && status.equals(json.getString("items[0].status")));
    }

    /** Whether the delivery has its place in the sending queue (1) or not (0). */
    public static long queued(Pool pool, UUID deliveryId) {
        return pool.preparedQuery("select count(*) from delivery_queue where delivery_id = $1")
                .execute(Tuple.of(deliveryId)).await().indefinitely().iterator().next().getLong(0);
    }
}
