package dev.vigil.devstack;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.vigil.contracts.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the demo must remember between runs because the services show it only once: the ingest key and the
 * endpoints' signing secrets (the customer's, and the MSP operators' channel). Kept in {@code .vigil/demo.json},
 * beside the stack's data.
 */
record DemoState(String ingestKey, String endpointId, String endpointSecret, String operatorsEndpointSecret) {

    static DemoState load(Path file) {
        try {
            return Files.exists(file) ? Json.read(Files.readString(file), DemoState.class) : new DemoState(null, null, null, null);
        } catch (JsonProcessingException e) {
            return new DemoState(null, null, null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void save(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, Json.write(this));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    DemoState withIngestKey(String key) {
        return new DemoState(key, endpointId, endpointSecret, operatorsEndpointSecret);
    }

    DemoState withEndpoint(String id, String secret) {
        return new DemoState(ingestKey, id, secret, operatorsEndpointSecret);
    }

    DemoState withOperatorsEndpoint(String secret) {
        return new DemoState(ingestKey, endpointId, endpointSecret, secret);
    }
}
