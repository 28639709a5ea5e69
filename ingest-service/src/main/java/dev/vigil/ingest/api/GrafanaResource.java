package dev.vigil.ingest.api;

import dev.vigil.ingest.AlertIds;
import dev.vigil.ingest.config.IngestConfig;
import dev.vigil.ingest.grafana.GrafanaWebhook;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Grafana's webhook contact point points here: authorization scheme {@code Bearer}, credentials the tenant's ingest
 * key.
 */
@Path("/v1/ingest/grafana")
@PermitAll
public class GrafanaResource {
    private final AlertIntake intake;
    private final IngestConfig config;

    public GrafanaResource(AlertIntake intake, IngestConfig config) {
        this.intake = intake;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = IngestKeyScheme.NAME)
    @APIResponse(responseCode = "429", description = AlertIntake.RATE_LIMITED)
    @RequestBody(required = true, description = "What Grafana's webhook contact point sends",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = GrafanaRequest.class),
                    examples = {@ExampleObject(name = "firing", value = GrafanaRequest.EXAMPLE),
                            @ExampleObject(name = "resolved", value = GrafanaRequest.RESOLVED_EXAMPLE)}))
    @APIResponseSchema(value = AcceptedAlertsView.class, responseCode = "202",
            responseDescription = "The broker acknowledged every alert of the notification; each is listed with its"
                    + " id. An alert sent again unchanged (a retry, a repeat, another Grafana of an HA setup) keeps"
                    + " its id, and counts once")
    @APIResponse(responseCode = "413", description = AlertIntake.TOO_MANY_ALERTS)
    @APIResponse(responseCode = "503", description = "The broker did not acknowledge every alert in time;"
            + " Grafana retries the notification")
    public Uni<Response> ingest(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        return intake.accept(authorization, AlertIds::byContent,
                () -> GrafanaWebhook.toProbeResults(AlertIntake.readJson(body), config.maxAlertsPerRequest()));
    }
}
