package dev.vigil.ingest.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.vigil.contracts.Alert;
import dev.vigil.contracts.Json;
import dev.vigil.ingest.AlertIds;
import dev.vigil.ingest.IngestKeyCache;
import dev.vigil.ingest.ProbeResult;
import dev.vigil.ingest.ProbeResultParser;
import dev.vigil.ingest.config.IngestConfig;
import dev.vigil.ingest.messaging.AlertPublisher;
import dev.vigil.platform.json.JsonPaths;
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
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
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
import org.jboss.logging.Logger;

/**
 * Probes post results here with their tenant's ingest key. The answer is 202 only once the broker has
 * acknowledged every alert of the request; no database row is written on this path.
 */
@Path("/v1/alerts")
@PermitAll
public class AlertsResource {
    private static final Logger LOG = Logger.getLogger(AlertsResource.class);
    private static final String BEARER = "Bearer ";
    /** A key named twice in an alert would leave which value counts to Jackson; refuse it like the REST bodies. */
    private static final ObjectReader STRICT_READER = Json.mapper().reader()
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final IngestKeyCache keys;
    private final AlertPublisher publisher;
    private final IngestConfig config;

    public AlertsResource(IngestKeyCache keys, AlertPublisher publisher, IngestConfig config) {
        this.keys = keys;
        this.publisher = publisher;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = IngestKeyScheme.NAME)
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
    @APIResponse(responseCode = "413", description = "The body is larger than the service accepts, or holds more"
            + " alerts than vigil.ingest.max-alerts-per-request (1000 unless configured)")
    @APIResponse(responseCode = "503", description = "The broker did not acknowledge every alert in time, so some may"
            + " have been stored: retry with the same Idempotency-Key and each alert counts exactly once")
    public Uni<Response> ingest(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(AlertIds.IDEMPOTENCY_HEADER) String idempotencyKey, String body) {
        if (authorization == null || !authorization.startsWith(BEARER) || authorization.length() == BEARER.length()) {
            throw unauthorized("Send the tenant's ingest key as 'Authorization: Bearer vik_...'");
        }
        return keys.tenantFor(authorization.substring(BEARER.length()).trim()).chain(tenant -> {
            if (tenant.isEmpty()) {
                throw unauthorized("The ingest key is not valid");
            }
            AlertIds ids = AlertIds.forRequest(tenant.get(), idempotencyKey);
            List<ProbeResult> results = ProbeResultParser.parse(readTree(body), config.maxAlertsPerRequest());
            Instant receivedAt = Instant.now();
            List<Alert> alerts = IntStream.range(0, results.size())
                    .mapToObj(i -> results.get(i).toAlert(tenant.get(), ids.idOf(i, results.get(i)), receivedAt))
                    .toList();
            return publisher.publish(alerts)
                    .onFailure().transform(AlertsResource::unavailable)
                    .map(sent -> Response.accepted(AcceptedAlertsView.of(alerts)).build());
        });
    }

    private static JsonNode readTree(String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.invalid("$", "the body is empty; send an alert object or an array of them");
        }
        try {
            return STRICT_READER.readTree(body);
        } catch (JsonProcessingException e) {
            throw JsonPaths.duplicateKey(e).map(ProblemException::duplicateKey).orElseGet(() ->
                    new ProblemException(ProblemType.MALFORMED_JSON, "The body is not valid JSON: " + e.getOriginalMessage()));
        }
    }

    private static ProblemException unauthorized(String detail) {
        return new ProblemException(ProblemType.UNAUTHORIZED, detail);
    }

    private static ProblemException unavailable(Throwable failure) {
        LOG.warnf("alerts not acknowledged by the broker: %s", failure.getMessage());
        return new ProblemException(ProblemType.UNAVAILABLE,
                "The broker did not acknowledge every alert in time, so some may have been stored. Retry with the"
                        + " same Idempotency-Key: each alert then counts exactly once");
    }
}
