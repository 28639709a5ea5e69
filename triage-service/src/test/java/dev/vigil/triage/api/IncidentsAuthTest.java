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
    }
}
