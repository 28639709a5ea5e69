package dev.vigil.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.ingest.AlertIds;
import dev.vigil.ingest.nagios.NagiosNotification;
import dev.vigil.platform.validation.InvalidInputException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Nagios Core and Icinga 2 notification commands post their macros here, form-encoded (what {@code curl
 * --data-urlencode} sends) or as a JSON object; see docs/integrations/nagios.
 */
@Path("/v1/ingest/nagios")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class NagiosResource {
    private final AlertIntake intake;

    public NagiosResource(AlertIntake intake) {
        this.intake = intake;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @SecurityRequirement(name = IngestKeyScheme.NAME)
    @APIResponse(responseCode = "429", description = AlertIntake.RATE_LIMITED)
    @APIResponse(responseCode = "503", description = AlertIntake.BROKER_UNAVAILABLE)
    @RequestBody(required = true, description = "The notification's macros, form-encoded",
            content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
                    schema = @Schema(implementation = NagiosRequest.class)))
    @APIResponseSchema(value = AcceptedAlertsView.class, responseCode = "202", responseDescription = "Taken: a"
            + " problem or recovery is published as one alert, an acknowledgement or downtime as none")
    public Uni<Response> form(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            MultivaluedMap<String, String> form) {
        return intake.accept(authorization, AlertIds::random, () -> NagiosNotification.toProbeResults(single(form)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = IngestKeyScheme.NAME)
    @APIResponse(responseCode = "429", description = AlertIntake.RATE_LIMITED)
    @APIResponse(responseCode = "503", description = AlertIntake.BROKER_UNAVAILABLE)
    @RequestBody(required = true, description = "The notification's macros as a JSON object of strings",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NagiosRequest.class),
                    examples = @ExampleObject(name = "service problem", value = NagiosRequest.EXAMPLE)))
    @APIResponseSchema(value = AcceptedAlertsView.class, responseCode = "202", responseDescription = "Taken: a"
            + " problem or recovery is published as one alert, an acknowledgement or downtime as none")
    public Uni<Response> json(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        return intake.accept(authorization, AlertIds::random, () -> NagiosNotification.toProbeResults(macros(
                AlertIntake.readJson(body))));
    }

    private static Map<String, String> single(MultivaluedMap<String, String> form) {
        Map<String, String> macros = new HashMap<>();
        if (form != null) {
            form.forEach((name, values) -> {
                if (values.size() > 1) {
                    throw new InvalidInputException(name, "is sent more than once");
                }
                macros.put(name, values.isEmpty() ? null : values.get(0));
            });
        }
        return macros;
    }

    private static Map<String, String> macros(JsonNode body) {
        if (!body.isObject()) {
            throw new InvalidInputException("$", "must be an object of macro names and their values");
        }
        Map<String, String> macros = new HashMap<>();
        body.fields().forEachRemaining(field -> {
            if (!field.getValue().isTextual() && !field.getValue().isNull()) {
                throw new InvalidInputException(field.getKey(), "must be a string");
            }
            macros.put(field.getKey(), field.getValue().isNull() ? null : field.getValue().asText());
        });
        return macros;
    }
}
