package dev.vigil.notify.api;

import dev.vigil.contracts.Audience;
import dev.vigil.contracts.Severity;
import dev.vigil.contracts.webhook.WebhookSignature;
import dev.vigil.notify.Channel;
import dev.vigil.notify.Endpoint;
import dev.vigil.notify.EndpointChange;
import dev.vigil.notify.EndpointTest;
import dev.vigil.notify.EndpointUrl;
import dev.vigil.notify.SsrfGuard;
import dev.vigil.notify.config.NotifyConfig;
import dev.vigil.notify.dispatch.Senders;
import dev.vigil.notify.message.Format;
import dev.vigil.notify.message.Language;
import dev.vigil.notify.store.EndpointLifecycle;
import dev.vigil.notify.store.EndpointStore;
import dev.vigil.platform.api.OptionalBody;
import dev.vigil.platform.api.PathParams;
import dev.vigil.platform.api.QueryParams;
import dev.vigil.platform.paging.Page;
import dev.vigil.platform.problem.ProblemException;
import dev.vigil.platform.security.CallerScope;
import dev.vigil.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/**
 * Webhook endpoints: a customer's own, or those of the tenants a staff token names, including the MSP's operators'
 * and supervisors' channels, which customers never see ({@link AudienceAccess}).
 */
@Path("/v1/endpoints")
@Produces(MediaType.APPLICATION_JSON)
public class EndpointsResource {
    /** JSON merge patch (RFC 7396), which is what a PATCH here means. */
    static final String MERGE_PATCH = "application/merge-patch+json";
    private static final String NOT_VISIBLE = "No such endpoint in the token's tenants, or of an audience a customer"
            + " does not see";
    /** long enough for a receiver's team to deploy the new secret the next working day. */
    private static final Duration DEFAULT_OVERLAP = Duration.ofHours(24);
    private static final Duration MAX_OVERLAP = Duration.ofDays(7);

    private final EndpointStore store;
    private final EndpointLifecycle lifecycle;
    private final CallerScope caller;
    private final AudienceAccess audiences;
    private final SsrfGuard guard;
    private final NotifyConfig config;
    private final Senders sender;

    public EndpointsResource(EndpointStore store, EndpointLifecycle lifecycle, CallerScope caller,
            AudienceAccess audiences, SsrfGuard guard, NotifyConfig config, Senders sender) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.caller = caller;
        this.audiences = audiences;
        this.guard = guard;
        this.config = config;
        this.sender = sender;
    }

    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = {
                @ExampleObject(name = "endpoint", value = "{\"url\": \"https://hooks.example.com/vigil\","
                        + " \"description\": \"On-call paging bridge\"}"),
                @ExampleObject(name = "operators", value = "{\"tenant\": \"acme\", \"audience\": \"operators\","
                        + " \"url\": \"https://chat.example.net/hooks/acme-night-shift\"}")}))
    @APIResponseSchema(value = CreatedEndpointView.class, responseCode = "201",
            responseDescription = "The endpoint is registered; Location names it, and `secret` is shown only here")
    @APIResponse(responseCode = "403", description = "The token's roles do not allow this operation, it names no"
            + " tenant, the body names a tenant outside the token's tenants, or a customer asks for an operators or"
            + " supervisors endpoint")
    @APIResponse(responseCode = "409", description = "The tenant already has an endpoint with this url")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CUSTOMER, Roles.SUPERVISOR})
    public Uni<Response> create(@Valid @NotNull(message = "a JSON body is required") CreateEndpointRequest request) {
        String tenant = caller.forWrite(request.tenant());
        Audience audience = audiences.forWrite(request.audience());
        String description = request.description() == null || request.description().isBlank()
                ? null : request.description().trim();
        Set<String> kinds = InterestInput.kinds(request.kinds(), audience);
        Severity minSeverity = InterestInput.minSeverity(request.minSeverity());
        Language language = FormatInput.language(request.language());
        ZoneId zone = FormatInput.zone(request.timeZone());
        Format format = new Format(FormatInput.channel(request.channel()),
                language == null ? Format.DEFAULT.language() : language, zone == null ? Format.DEFAULT.zone() : zone);
        return checked(request.url(), format.channel())
                .chain(url -> store.insert(UUID.randomUUID(), tenant, audience, url.toString(), description,
                        WebhookSignature.newSecret(), kinds, minSeverity, format))
                .map(created -> created.orElseThrow(() -> ProblemException.conflict(
                        "An endpoint with this url already exists")))
                .map(endpoint -> Response.created(URI.create("/v1/endpoints/" + endpoint.id()))
                        .entity(CreatedEndpointView.of(endpoint)).build());
    }

    @GET
    @RolesAllowed({Roles.CUSTOMER, Roles.SUPERVISOR, Roles.OPERATOR})
    public Uni<Page<EndpointView>> list(@QueryParam("tenant") List<String> tenants,
            @Parameter(description = "Only endpoints read by this audience; all the caller may see when left out."
                    + " A customer token sees customer endpoints only: asking for another audience is refused with 403",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"customer", "operators", "supervisors"}))
            @QueryParam("audience") String audience,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return store.list(caller.forList(tenants), audiences.forList(audience),
                QueryParams.page(limit, cursor, UUID::fromString)).map(page -> page.map(EndpointView::of));
    }

    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = {
                @ExampleObject(name = "enable", value = "{\"enabled\": true}"),
                @ExampleObject(name = "move", value = "{\"url\": \"https://hooks.example.com/vigil-v2\","
                        + " \"description\": \"New paging bridge\"}")}))
    @APIResponse(responseCode = "200", description = "The endpoint as changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EndpointView.class)))
    @APIResponse(responseCode = "404", description = NOT_VISIBLE)
    @APIResponse(responseCode = "409", description = "The tenant already has another endpoint with this url")
    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    @RolesAllowed({Roles.CUSTOMER, Roles.SUPERVISOR})
    public Uni<EndpointView> change(@PathParam("id") String rawId,
            @Valid @NotNull(message = "a JSON body is required") ChangeEndpointRequest request) {
        UUID id = PathParams.uuid("id", rawId);
        Severity minSeverity = InterestInput.minSeverity(request.minSeverity());
        Language language = FormatInput.language(request.language());
        ZoneId zone = FormatInput.zone(request.timeZone());
        return visible(id)
                .chain(endpoint -> {
                    Set<String> kinds = InterestInput.kinds(request.kinds(), endpoint.audience());
                    Uni<String> url = request.url() == null ? Uni.createFrom().nullItem()
                            : checked(request.url(), endpoint.format().channel()).map(URI::toString);
                    return url.chain(checkedUrl -> store.update(id, new EndpointChange(checkedUrl,
                            request.description(), request.enabled(), kinds, minSeverity, language, zone),
                            caller.user()));
                })
                .onFailure(EndpointStore::urlTaken).transform(taken -> ProblemException.conflict(
                        "Another endpoint of the tenant has this url"))
                .map(changed -> changed.map(EndpointView::of).orElseThrow(() -> notFound(id)));
    }

    @APIResponse(responseCode = "204", description = "Deleted: nothing more is planned for or sent to it, and its"
            + " pending deliveries fail; its deliveries so far stay listed")
    @APIResponse(responseCode = "404", description = NOT_VISIBLE)
    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.CUSTOMER, Roles.SUPERVISOR})
    public Uni<Response> delete(@PathParam("id") String rawId) {
        UUID id = PathParams.uuid("id", rawId);
        return lifecycle.delete(caller.visible(), audiences.visible(), id, caller.user())
                .map(deleted -> {
                    if (!deleted) {
                        throw notFound(id);
                    }
                    return Response.noContent().build();
                });
    }

    @APIResponse(responseCode = "200", description = "The test was sent, or tried: whether the receiver took it, its"
            + " status and how long it took; a receiver that refuses or cannot be reached is reported here, not as an"
            + " error of this request",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EndpointTestResult.class)))
    @APIResponse(responseCode = "404", description = NOT_VISIBLE)
    @POST
    @Path("/{id}/test")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.CUSTOMER, Roles.SUPERVISOR})
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TestRequest.class)))
    public Uni<EndpointTestResult> test(@PathParam("id") String rawId, String body) {
        UUID id = PathParams.uuid("id", rawId);
        TestRequest request = OptionalBody.read(body, TestRequest.class);
        String note = request == null ? null : OptionalBody.note("note", request.note());
        UUID webhookId = UUID.randomUUID();
        return visible(id)
                .chain(endpoint -> {
                    // an email endpoint's url is checked when it is saved; a webhook's host again here
                    long started = System.nanoTime();
                    return sender.send(endpoint.url(), endpoint.signingSecrets(Instant.now()), webhookId.toString(),
                                    EndpointTest.payload(endpoint, caller.user(), note, Instant.now()))
                            .map(attempt -> EndpointTestResult.of(webhookId, attempt,
                                    (System.nanoTime() - started) / 1_000_000));
                });
    }

    @APIResponse(responseCode = "200", description = "The new secret, shown only here; the one it replaces signs"
            + " alongside it until `previousSecretUntil`",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CreatedEndpointView.class)))
    @APIResponse(responseCode = "404", description = NOT_VISIBLE)
    @POST
    @Path("/{id}/rotate-secret")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.CUSTOMER, Roles.SUPERVISOR})
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RotateSecretRequest.class)))
    public Uni<CreatedEndpointView> rotateSecret(@PathParam("id") String rawId, String body) {
        UUID id = PathParams.uuid("id", rawId);
        RotateSecretRequest request = OptionalBody.read(body, RotateSecretRequest.class);
        Duration overlap = overlap(request == null ? null : request.overlap());
        return visible(id)
                .chain(endpoint -> store.rotateSecret(id, WebhookSignature.newSecret(), overlap))
                .map(rotated -> rotated.map(CreatedEndpointView::of).orElseThrow(() -> notFound(id)));
    }

    /** The endpoint, if the caller may see it; a 404 otherwise, as for one that does not exist. */
    private Uni<Endpoint> visible(UUID id) {
        return store.find(caller.visible(), audiences.visible(), id)
                .map(found -> found.orElseThrow(() -> notFound(id)));
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("No endpoint " + id);
    }

    private static Duration overlap(String raw) {
        if (raw == null) {
            return DEFAULT_OVERLAP;
        }
        try {
            Duration overlap = Duration.parse(raw.strip());
            if (!overlap.isNegative() && overlap.compareTo(MAX_OVERLAP) <= 0) {
                return overlap;
            }
        } catch (DateTimeParseException e) {
            // refused below
        }
        throw ProblemException.invalid("overlap", "must be an ISO 8601 duration from PT0S to P7D, such as PT24H");
    }

    /**
     * The url parsed: an email endpoint's one address, or a webhook's URL allowed by the SSRF guard for every address
     * it resolves to now.
     */
    private Uni<URI> checked(String raw, Channel channel) {
        if (channel == Channel.EMAIL) {
            return Uni.createFrom().item(EndpointUrl.mailto(raw));
        }
        URI url = EndpointUrl.parse(raw, config.allowPlainHttp());
        return Uni.createFrom().item(() -> guard.check(url.getHost()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .map(verdict -> {
                    if (verdict instanceof SsrfGuard.Refused refused) {
                        throw EndpointUrl.invalid("is not allowed: " + refused.reason());
                    }
                    if (verdict instanceof SsrfGuard.Unresolved unresolved) {
                        throw EndpointUrl.invalid("cannot be reached: " + unresolved.reason());
                    }
                    return url;
                });
    }

    /** An endpoint of an audience the caller may not see is as absent as another tenant's: 404. */
    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CUSTOMER, Roles.SUPERVISOR, Roles.OPERATOR})
    public Uni<EndpointView> get(@PathParam("id") String rawId) {
        UUID id = PathParams.uuid("id", rawId);
        return visible(id).map(EndpointView::of);
    }
}
