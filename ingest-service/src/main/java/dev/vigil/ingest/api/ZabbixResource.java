package dev.vigil.ingest.api;

import dev.vigil.ingest.AlertIds;
import dev.vigil.ingest.zabbix.ZabbixEvent;
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

/** Vigil's Zabbix webhook media type posts each event here (docs/integrations/zabbix). */
@Path("/v1/ingest/zabbix")
@PermitAll
public class ZabbixResource {
    private final AlertIntake intake;

    public ZabbixResource(AlertIntake intake) {
        this.intake = intake;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = IngestKeyScheme.NAME)
    @APIResponse(responseCode = "429", description = AlertIntake.RATE_LIMITED)
    @APIResponse(responseCode = "503", description = AlertIntake.BROKER_UNAVAILABLE)
    @RequestBody(required = true, description = "One Zabbix event as the media type sends it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ZabbixRequest.class),
                    examples = @ExampleObject(name = "problem", value = ZabbixRequest.EXAMPLE)))
    @APIResponseSchema(value = AcceptedAlertsView.class, responseCode = "202", responseDescription = "Taken: a"
            + " problem or resolution is published as one alert, an update as none")
    public Uni<Response> ingest(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        return intake.accept(authorization, AlertIds::byContent,
                () -> ZabbixEvent.toProbeResults(AlertIntake.readJson(body)));
    }
}
