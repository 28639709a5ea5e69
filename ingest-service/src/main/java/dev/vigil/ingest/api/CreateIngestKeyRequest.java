package dev.vigil.ingest.api;

import jakarta.validation.constraints.Size;

/** {@code POST /v1/tenants/{id}/ingest-keys}. */
public record CreateIngestKeyRequest(@Size(max = 200) String name) {
}
