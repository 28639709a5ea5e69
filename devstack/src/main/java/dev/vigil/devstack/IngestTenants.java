package dev.vigil.devstack;

import dev.vigil.contracts.Json;
import java.util.Map;

/** Registers the tenants a command posts alerts as, at ingest, and issues each an ingest key. */
final class IngestTenants {
    private final Stack stack;
    private final Api api = new Api();

    IngestTenants(Stack stack) {
        this.stack = stack;
    }

    /**
     * Registers {@code tenant}, named {@code name}, unless it exists, and issues it a new key named {@code keyName}.
     *
     * @return the key, {@code vik_...}
     */
    String keyFor(String tenant, String name, String keyName) {
        String admin = stack.tokens().adminToken();
        String ingest = stack.layout().serviceUrl(Service.INGEST);
        int status = api.post(ingest + "/v1/tenants", admin, Json.write(Map.of("id", tenant, "name", name))).status();
        if (status != 201 && status != 409) {
            throw new StackException("could not register tenant " + tenant + ": " + status);
        }
        Api.Reply key = api.post(ingest + "/v1/tenants/" + tenant + "/ingest-keys", admin,
                Json.write(Map.of("name", keyName)));
        if (key.status() != 201) {
            throw new StackException("could not issue an ingest key for " + tenant + ": " + key.status());
        }
        return key.body().path("key").asText();
    }
}
