package dev.vigil.ingest.api;

import dev.vigil.ingest.AlertIds;
import dev.vigil.ingest.cloudwatch.CloudWatchAlarm;
import dev.vigil.ingest.cloudwatch.SnsMessage;
import dev.vigil.ingest.cloudwatch.SnsMessageVerifier;
import dev.vigil.ingest.ProbeResult;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * An Amazon SNS HTTPS subscription posts here the CloudWatch alarms routed to its topic. SNS cannot set an
 * Authorization header, so the tenant's ingest key is the last path segment: it then appears wherever URLs are
 * logged and is to be kept as secret as the key itself.
 */
@Path("/v1/ingest/cloudwatch/{key}")
@PermitAll
public class CloudWatchResource {
    private final AlertIntake intake;
    private final SnsMessageVerifier verifier;

    public CloudWatchResource(AlertIntake intake, SnsMessageVerifier verifier) {
        this.intake = intake;
        this.verifier = verifier;
    }

    @POST
    @Consumes({MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Take a message of an Amazon SNS subscription carrying CloudWatch alarms", description = "The"
            + " subscription's endpoint is https://<vigil>/v1/ingest/cloudwatch/<ingest key>. Every message's"
            + " signature is verified with SNS's certificate; a SubscriptionConfirmation is then confirmed, a"
            + " Notification published as one alert, an UnsubscribeConfirmation taken without action.")
    @SecurityRequirement(name = IngestKeyScheme.NAME)
    @APIResponse(responseCode = "401", description = "The path's ingest key is not valid; nothing was fetched")
    @APIResponse(responseCode = "403", description = "The message is not trusted as SNS's (type"
            + " urn:vigil:problem:forbidden, `errors` names the field): its signature does not verify"
            + " (Signature), its SignatureVersion is not 1 or 2, SigningCertURL or SubscribeURL is not https on an"
            + " SNS host, or its Timestamp is older than the replay window (1 hour)")
    @APIResponse(responseCode = "404", description = "The path names no ingest key")
    @APIResponse(responseCode = "429", description = AlertIntake.RATE_LIMITED)
    @APIResponse(responseCode = "503", description = AlertIntake.BROKER_UNAVAILABLE + "; or SNS did not answer"
            + " in time while its certificate was fetched or the subscription confirmed (SNS retries a 5xx)")
    @RequestBody(required = true, description = "One SNS message as SNS posts it",
            content = {@Content(mediaType = MediaType.TEXT_PLAIN,
                    schema = @Schema(implementation = CloudWatchRequest.class),
                    examples = @ExampleObject(name = "alarm", value = CloudWatchRequest.EXAMPLE)),
                    @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CloudWatchRequest.class),
                            examples = @ExampleObject(name = "alarm", value = CloudWatchRequest.EXAMPLE))})
    @APIResponseSchema(value = AcceptedAlertsView.class, responseCode = "202", responseDescription = "Taken: a"
            + " Notification is published as one alert; a confirmation publishes none")
    public Uni<Response> ingest(
            @Parameter(in = ParameterIn.PATH, required = true, description = "The tenant's ingest key (vik_...):"
                    + " SNS cannot send it in a header. It shows in every log of URLs: keep those as secret as the"
                    + " key") @PathParam("key") String key,
            @Parameter(description = "Sent by SNS: the message's Type") @HeaderParam(SnsMessage.TYPE_HEADER)
            String messageType,
            String body) {
        // a redelivery carries the same MessageId (an annotation) and content, so it keeps its event id
        return intake.acceptKey(key, AlertIds::byContent, () -> {
            SnsMessage message = SnsMessage.read(AlertIntake.readJson(body), messageType);
            return verifier.verified(message).chain(this::act);
        });
    }

    private Uni<List<ProbeResult>> act(SnsMessage verified) {
        return switch (verified.type()) {
            case NOTIFICATION -> Uni.createFrom().item(CloudWatchAlarm.toProbeResults(verified));
            case SUBSCRIPTION_CONFIRMATION -> verifier.confirm(verified).replaceWith(List.of());
            case UNSUBSCRIBE_CONFIRMATION -> Uni.createFrom().item(List.of());
        };
    }
}
