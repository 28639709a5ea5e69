package dev.vigil.ingest.api;

import dev.vigil.ingest.AlertIds;
import dev.vigil.ingest.ProbeResultParser;
import dev.vigil.ingest.config.IngestConfig;
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
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Probes post results here in Vigil's own format, with their tenant's ingest key ({@link AlertIntake}). */
@Path("/v1/alerts")
@PermitAll
public class AlertsResource {
    private final AlertIntake intake;
    private final IngestConfig config;

    public AlertsResource(AlertIntake intake, IngestConfig config) {
        this.intake = intake;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = IngestKeyScheme.NAME)
    @APIResponse(responseCode = "429", description = AlertIntake.RATE_LIMITED)
    @RequestBody(required = true, description = "One alert, or an array of them",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(oneOf = {AlertRequest.class, AlertRequest.Batch.class}),
                    examples = {@ExampleObject(name = "one", summary = "One alert", value = AlertRequest.EXAMPLE),
                            @ExampleObject(name = "batch", summary = "Several alerts",
                                    value = AlertRequest.BATCH_EXAMPLE)}))
    @Parameter(name = AlertIds.IDEMPOTENCY_HEADER, in = ParameterIn.HEADER, description = "Makes a retry safe: the"
            + " same key with the same body republishes the same event ids, so each alert counts once",
            schema = @Schema(type = SchemaType.STRING,
                    pattern = "^[\\x21-\\x7E]{1,255}$", maxLength = 255), example = "probe-7/run-42")
    @APIResponseSchema(value = AcceptedAlertsView.class, responseCode = "202",
            responseDescription = "The broker acknowledged every alert; each is listed with its id, in request order")
    @APIResponse(responseCode = "413", description = AlertIntake.TOO_MANY_ALERTS)
    @APIResponse(responseCode = "503", description = "The broker did not acknowledge every alert in time, so some may"
            + " have been stored: retry with the same Idempotency-Key and each alert counts exactly once")
    public Uni<Response> ingest(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(AlertIds.IDEMPOTENCY_HEADER) String idempotencyKey, String body) {
        return intake.accept(authorization, idempotencyKey,
                () -> ProbeResultParser.parse(AlertIntake.readJson(body), config.maxAlertsPerRequest()));
    }
}
