package dev.vigil.ingest;

import static io.restassured.RestAssured.given;

import dev.vigil.testsupport.TestInfra;
import dev.vigil.testsupport.VigilTestResources;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class IngestKeyCacheTest {

    @Inject
    Pool pool;

    @Test
    void aKeyIssuedByAnotherReplicaWorksOnItsFirstUse() {
        String tenant = "r-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(TestInfra.adminToken()).contentType(ContentType.JSON)
                .body("{\"id\":\"" + tenant + "\",\"name\":\"Replica\"}").post("/v1/tenants").then().statusCode(201);
        String key = IngestKeys.newKey();
        // written straight to the database, as another ingest replica would: this replica's cache has never seen it
        pool.preparedQuery("insert into ingest_keys (id, tenant_id, key_hash, prefix) values ($1, $2, $3, $4)")
                .execute(Tuple.of(UUID.randomUUID(), tenant, IngestKeys.hash(key), IngestKeys.displayPrefix(key)))
                .await().indefinitely();

        given().auth().oauth2(key).contentType(ContentType.JSON)
                .body(IngestApiTest.alertJson("web-01", "warning", "firing"))
                .post("/v1/alerts").then().statusCode(202);
    }

    @Test
    void aRevokedKeyStopsWorkingAtTheNextReload() {
        String tenant = "v-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = TestInfra.adminToken();
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"id\":\"" + tenant + "\",\"name\":\"Revoked\"}").post("/v1/tenants").then().statusCode(201);
        String key = given().auth().oauth2(admin).contentType(ContentType.JSON).body("{}")
                .post("/v1/tenants/" + tenant + "/ingest-keys").then().statusCode(201).extract().path("key");
        String body = IngestApiTest.alertJson("web-01", "warning", "firing");
        given().auth().oauth2(key).contentType(ContentType.JSON).body(body).post("/v1/alerts").then().statusCode(202);

        pool.preparedQuery("update ingest_keys set revoked_at = now() where key_hash = $1")
                .execute(Tuple.of(IngestKeys.hash(key))).await().indefinitely();

        // README promises 5 s (the reload interval); the margin is the reload's own query and scheduling
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMillis(6_500)).untilAsserted(() ->
                given().auth().oauth2(key).contentType(ContentType.JSON).body(body).post("/v1/alerts")
                        .then().statusCode(401));
    }
}
