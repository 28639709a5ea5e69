package dev.vigil.triage.api;

import dev.vigil.testsupport.UnauthorizedChecks;
import dev.vigil.testsupport.VigilTestResources;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class IncidentsAuthTest {

    @Test
    void everyRefusedTokenIsA401WithABearerChallenge() {
        UnauthorizedChecks.assertEveryBadTokenIsChallenged("operator", "acme", spec -> spec.get("/v1/incidents"));
        UnauthorizedChecks.assertEveryBadTokenIsChallenged("operator", "acme",
                spec -> spec.get("/v1/incidents/" + UUID.randomUUID()));
        UnauthorizedChecks.assertEveryBadTokenIsChallenged("operator", "acme",
                spec -> spec.post("/v1/incidents/" + UUID.randomUUID() + "/confirm"));
        UnauthorizedChecks.assertEveryBadTokenIsChallenged("operator", "acme",
                spec -> spec.get("/v1/incidents/" + UUID.randomUUID() + "/timeline"));
        UnauthorizedChecks.assertEveryBadTokenIsChallenged("supervisor", "acme",
                spec -> spec.contentType("application/json").body("{}").put("/v1/policies/acme"));
        UnauthorizedChecks.assertEveryBadTokenIsChallenged("supervisor", "acme", spec -> spec.get("/v1/policies/acme"));
        UnauthorizedChecks.assertEveryBadTokenIsChallenged("supervisor", "acme",
                spec -> spec.contentType("application/json").header("If-Match", "\"0\"").body("{}")
                        .put("/v1/rules/acme"));
        UnauthorizedChecks.assertEveryBadTokenIsChallenged("operator", "acme", spec -> spec.get("/v1/rules/acme"));
        UnauthorizedChecks.assertEveryBadTokenIsChallenged("operator", "acme",
                spec -> spec.get("/v1/rules/acme/versions"));
    }
}
