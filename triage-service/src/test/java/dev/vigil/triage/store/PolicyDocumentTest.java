package dev.vigil.triage.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.contracts.Json;
import dev.vigil.triage.TenantPolicy;
import org.junit.jupiter.api.Test;

class PolicyDocumentTest {

    @Test
    void aStoredPolicyReadsBackAsSaved() throws Exception {
        TenantPolicy policy = TenantPolicy.DEFAULT.withVersion(7);

        String json = Json.write(PolicyStore.PolicyDocument.of(policy));

        assertEquals(policy, Json.read(json, PolicyStore.PolicyDocument.class).toPolicy(7), json);
    }
}
