package dev.vigil.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.ingest.AlertIds;
import dev.vigil.ingest.pagerduty.PagerDutyEvent;
import dev.vigil.platform.problem.ProblemException;
import dev.vigil.platform.problem.ProblemType;
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
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * PagerDuty's Events API v2: a tool that pages PagerDuty sends here instead, with the tenant's ingest key as its
 * {@code routing_key}. {@link PagerDutyEnqueueResource} takes the same at PagerDuty's own path, so only the host of
 * the events URL changes.
 */
@Path("/v1/ingest/pagerduty")
@PermitAll
public class PagerDutyResource {
    private static final String BEARER = "Bearer ";
    private final AlertIntake intake;

    public PagerDutyResource(AlertIntake intake) {
        this.intake = intake;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = IngestKeyScheme.NAME)
    @RequestBody(required = true, description = "One Events API v2 alert event. The tenant's ingest key is its"
            + " routing_key (PagerDuty's senders send no Authorization header); 'Authorization: Bearer <ingest key>'"
            + " is taken too, and then a routing_key, if sent, must be the same key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PagerDutyRequest.class),
                    examples = {@ExampleObject(name = "trigger", value = PagerDutyRequest.TRIGGER),
                            @ExampleObject(name = "acknowledge", value = PagerDutyRequest.ACKNOWLEDGE),
                            @ExampleObject(name = "resolve", value = PagerDutyRequest.RESOLVE)}))
    @APIResponseSchema(value = PagerDutyAcceptedView.class, responseCode = "202", responseDescription = "Taken, as"
            + " PagerDuty answers: a trigger or resolve is published as one alert once the broker acknowledged it, an"
            + " acknowledge as none. An event sent again unchanged keeps its event id and counts once")
    @APIResponse(responseCode = "400", description = "A member is missing or malformed (type"
            + " urn:vigil:problem:validation, `errors` names each by its path, such as payload.severity), or the body"
            + " is not JSON. Vigil answers with problem+json, not PagerDuty's error body: its senders retry on 429"
            + " and 5xx only and log the rest")
    @APIResponse(responseCode = "401", description = "No routing_key (nor Bearer header), a key that is not a live"
            + " ingest key, or a routing_key and a Bearer header naming different keys")
    @APIResponse(responseCode = "429", description = AlertIntake.RATE_LIMITED
            + "; PagerDuty's senders retry a 429")
    @APIResponse(responseCode = "503", description = AlertIntake.BROKER_UNAVAILABLE)
    public Uni<Response> enqueue(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        JsonNode event = AlertIntake.readJson(body);
        AtomicReference<PagerDutyEvent> read = new AtomicReference<>();
        return intake.accept(BEARER + ingestKey(authorization, PagerDutyEvent.routingKey(event)), AlertIds::byContent,
                () -> {
                    read.set(PagerDutyEvent.read(event));
                    return read.get().results();
                })
                .map(accepted -> Response.accepted(PagerDutyAcceptedView.of(read.get().dedupKey())).build());
    }

    /** The routing_key, or the Bearer header's key; both may be sent only if they are the same key. */
    private static String ingestKey(String authorization, Optional<String> routingKey) {
        Optional<String> bearer = Optional.ofNullable(authorization).filter(a -> a.startsWith(BEARER))
                .map(a -> a.substring(BEARER.length()).strip()).filter(key -> !key.isEmpty());
        if (bearer.isPresent() && routingKey.isPresent() && !bearer.get().equals(routingKey.get())) {
            throw new ProblemException(ProblemType.UNAUTHORIZED,
                    "The routing_key and the Authorization header name different ingest keys");
        }
        return bearer.or(() -> routingKey).orElseThrow(() -> new ProblemException(ProblemType.UNAUTHORIZED,
                "Send the tenant's ingest key as the event's routing_key (or as 'Authorization: Bearer vik_...')"));
    }
}
