package dev.vigil.triage.store;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.testsupport.TestInfra;
import dev.vigil.testsupport.VigilTestResources;
import dev.vigil.triage.silence.SilenceRule;
import dev.vigil.triage.window.Occurrence;
import dev.vigil.triage.window.WindowRule;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The triage engine's read path against the real database: silences and windows made through the API come back as
 * rules of the tenants asked for, and an until-resolved silence ends once, inside the caller's transaction.
 */
@QuarkusTest
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PlannedQuietStoreTest {
    private static final Map<String, String> DB_PROD = Map.of("env", "prod", "resource", "db-02");

    @Inject
    PlannedQuietStore store;

    @Inject
    Pool pool;

    private static String newTenant() {
        return "t" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static UUID post(String tenant, String path, String body) {
        return UUID.fromString(given().auth().oauth2(TestInfra.token("operator", tenant)).contentType("application/json")
                .body(body).post(path).then().statusCode(201).extract().path("id"));
    }

    private static UUID silence(String tenant, String until) {
        return post(tenant, "/v1/silences", "{\"matchers\":[{\"label\":\"env\",\"op\":\"=\",\"value\":\"prod\"}],"
                + until + ",\"comment\":\"c\"}");
    }

    private static JsonPath read(String tenant, UUID silence) {
        return given().auth().oauth2(TestInfra.token("operator", tenant)).get("/v1/silences/" + silence).then()
                .statusCode(200).extract().jsonPath();
    }

    private List<SilenceRule> silences(Set<String> tenants, Instant since) {
        return store.silences(pool, tenants, since).await().indefinitely();
    }

    private static <T> Map<UUID, T> byId(List<T> rules, Function<T, UUID> id) {
        return rules.stream().collect(Collectors.toMap(id, rule -> rule));
    }

    @Test
    void silencesAreTheAskedTenantsOnesNotEndedBeforeSince() {
        String a = newTenant();
        String b = newTenant();
        Instant created = Instant.now();
        UUID timed = silence(a, "\"endsAt\":\"" + created.plus(Duration.ofHours(1)) + "\"");
        UUID open = silence(a, "\"untilResolved\":true");
        UUID expired = silence(a, "\"untilResolved\":true");
        given().auth().oauth2(TestInfra.token("operator", a)).delete("/v1/silences/" + expired).then().statusCode(204);
        Instant expiredAt = Instant.parse(read(a, expired).getString("endsAt"));
        UUID ofB = silence(b, "\"untilResolved\":true");

        Map<UUID, SilenceRule> now = byId(silences(Set.of(a), Instant.now()), SilenceRule::id);
        assertEquals(Set.of(timed, open), now.keySet());
        assertEquals(a, now.get(timed).tenant());
        assertFalse(now.get(timed).untilResolved());
        assertTrue(now.get(timed).silences(DB_PROD, created.plusSeconds(60)));
        assertFalse(now.get(timed).silences(Map.of("env", "dev"), created.plusSeconds(60)));
        assertFalse(now.get(timed).silences(DB_PROD, created.plus(Duration.ofHours(2))));
        assertTrue(now.get(open).untilResolved());
        assertNull(now.get(open).endsAt());
        assertTrue(now.get(open).silences(DB_PROD, created.plus(Duration.ofDays(30))));

        assertEquals(Set.of(timed, open, expired), byId(silences(Set.of(a), expiredAt), SilenceRule::id).keySet(),
                "one that ended at since has not ended before it");
        assertEquals(Set.of(timed, open, expired, ofB),
                byId(silences(Set.of(a, b), expiredAt.minusSeconds(1)), SilenceRule::id).keySet());
        assertEquals(List.of(), silences(Set.of(), Instant.now()));
        assertEquals(List.of(), silences(Set.of(newTenant()), Instant.EPOCH));
    }

    @Test
    void anUntilResolvedSilenceEndsOnceAndOthersAreLeftAlone() {
        String a = newTenant();
        UUID open = silence(a, "\"untilResolved\":true");
        UUID timed = silence(a, "\"endsAt\":\"" + Instant.now().plus(Duration.ofHours(1)) + "\"");
        Instant resolvedAt = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.MICROS);

        // another tenant's call does not reach a's silences
        store.endUntilResolved(pool, newTenant(), List.of(open), resolvedAt).await().indefinitely();
        assertNull(read(a, open).getString("endsAt"));

        store.endUntilResolved(pool, a, List.of(open, timed), resolvedAt).await().indefinitely();
        JsonPath ended = read(a, open);
        assertEquals(resolvedAt.toString(), ended.getString("endsAt"));
        assertEquals("triage", ended.getString("endedBy"));
        assertEquals("active", ended.getString("state"), "it holds until the time the alerts resolved");
        JsonPath untouched = read(a, timed);
        assertNull(untouched.getString("endedBy"), "a silence with an end of its own is not ended");

        store.endUntilResolved(pool, a, List.of(open), resolvedAt.plusSeconds(60)).await().indefinitely();
        assertEquals(resolvedAt.toString(), read(a, open).getString("endsAt"), "the first end is kept");
        SilenceRule rule = byId(silences(Set.of(a), Instant.now()), SilenceRule::id).get(open);
        assertFalse(rule.silences(DB_PROD, resolvedAt));
        assertTrue(rule.silences(DB_PROD, resolvedAt.minusNanos(1000)));
    }

    @Test
    void theReadPathTakesPartInTheCallersTransaction() {
        String a = newTenant();
        UUID open = silence(a, "\"untilResolved\":true");
        Instant at = Instant.now();

        assertThrows(IllegalStateException.class, () -> pool.withTransaction(tx -> store.silences(tx, Set.of(a), at)
                .chain(rules -> store.endUntilResolved(tx, a, rules.stream().map(SilenceRule::id).toList(), at))
                .chain(() -> Uni.createFrom().failure(new IllegalStateException("the batch failed"))))
                .await().indefinitely());
        assertNull(read(a, open).getString("endsAt"), "rolled back with the batch");

        pool.withTransaction(tx -> store.endUntilResolved(tx, a, List.of(open), at)
                .chain(() -> store.silences(tx, Set.of(a), at.plusSeconds(1))))
                .map(rules -> {
                    assertEquals(List.of(), rules, "the transaction sees its own end");
                    return rules;
                }).await().indefinitely();
        assertEquals("triage", read(a, open).getString("endedBy"));
    }

    @Test
    void windowsComeBackWithTheirScheduleAndMatchers() {
        String a = newTenant();
        String b = newTenant();
        UUID weekly = post(a, "/v1/maintenance-windows", "{\"name\":\"Sunday\",\"timeZone\":\"Europe/Berlin\","
                + "\"matchers\":[{\"label\":\"resource\",\"op\":\"=~\",\"value\":\"db-.*\"}],"
                + "\"recurrence\":{\"days\":[\"SUNDAY\"],\"start\":\"02:00\",\"end\":\"04:00\","
                + "\"from\":\"2026-01-01T00:00:00Z\"}}");
        UUID once = post(a, "/v1/maintenance-windows", "{\"name\":\"migration\",\"timeZone\":\"UTC\","
                + "\"startsAt\":\"2026-05-01T22:00:00Z\",\"endsAt\":\"2026-05-02T02:00:00Z\"}");
        UUID ofB = post(b, "/v1/maintenance-windows", "{\"name\":\"b\",\"timeZone\":\"UTC\","
                + "\"startsAt\":\"2026-05-01T22:00:00Z\",\"endsAt\":\"2026-05-02T02:00:00Z\"}");

        Map<UUID, WindowRule> rules = byId(store.windows(pool, Set.of(a)).await().indefinitely(), WindowRule::id);
        assertEquals(Set.of(weekly, once), rules.keySet());
        // the spring-forward Sunday, read back from the database: 03:00-04:00 CEST
        assertEquals(Optional.of(new Occurrence(Instant.parse("2026-03-29T01:00:00Z"),
                Instant.parse("2026-03-29T02:00:00Z"))), rules.get(weekly).covering(DB_PROD,
                Instant.parse("2026-03-29T01:30:00Z")));
        assertEquals(Optional.empty(), rules.get(weekly).covering(Map.of("resource", "web-01"),
                Instant.parse("2026-03-29T01:30:00Z")));
        assertEquals(Optional.empty(), rules.get(weekly).covering(DB_PROD, Instant.parse("2025-12-28T01:30:00Z")),
                "before from");
        assertTrue(rules.get(once).covering(Map.of(), Instant.parse("2026-05-01T23:00:00Z")).isPresent(),
                "no matchers: every alert of the tenant");
        assertEquals(Set.of(weekly, once, ofB),
                byId(store.windows(pool, Set.of(a, b)).await().indefinitely(), WindowRule::id).keySet());
        assertEquals(List.of(), store.windows(pool, Set.of()).await().indefinitely());
    }
}
