package dev.vigil.ingest.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Declares the ingest key, the credential {@code POST /v1/alerts} takes, in the OpenAPI document. A filter rather
 * than {@code @SecurityScheme}: Quarkus gives each {@code @RolesAllowed} operation the first scheme the scanned
 * annotations declare, and for the admin API that must stay the JWT. Filters run after Quarkus's, so the JWT is the
 * only scheme it sees.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class IngestKeyScheme implements OASFilter {
    static final String NAME = "ingestKey";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSecurityScheme(NAME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .description("The tenant's ingest key, sent as 'Authorization: Bearer <ingest key>'. An opaque key"
                        + " (vik_...) that an admin issues per tenant with POST /v1/tenants/{id}/ingest-keys, not a"
                        + " JWT: it names the tenant the alerts belong to."));
    }
}
