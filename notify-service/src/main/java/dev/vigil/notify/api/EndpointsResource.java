package dev.vigil.notify.api;

import dev.vigil.contracts.Audience;
import dev.vigil.contracts.webhook.WebhookSignature;
import dev.vigil.notify.EndpointUrl;
import dev.vigil.notify.SsrfGuard;
import dev.vigil.notify.config.NotifyConfig;
import dev.vigil.notify.store.EndpointStore;
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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
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
    private final EndpointStore store;
    private final CallerScope caller;
    private final AudienceAccess audiences;
    private final SsrfGuard guard;
    private final NotifyConfig config;

    public EndpointsResource(EndpointStore store, CallerScope caller, AudienceAccess audiences, SsrfGuard guard,
            NotifyConfig config) {
        this.store = store;
        this.caller = caller;
        this.audiences = audiences;
        this.guard = guard;
        this.config = config;
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
        URI url = EndpointUrl.parse(request.url(), config.allowPlainHttp());
        String description = request.description() == null || request.description().isBlank()
                ? null : request.description().trim();
        return Uni.createFrom().item(() -> guard.check(url.getHost()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(verdict -> {
                    if (verdict instanceof SsrfGuard.Refused refused) {
                        throw EndpointUrl.invalid("is not allowed: " + refused.reason());
                    }
                    if (verdict instanceof SsrfGuard.Unresolved unresolved) {
                        throw EndpointUrl.invalid("cannot be reached: " + unresolved.reason());
                    }
                    return store.insert(UUID.randomUUID(), tenant, audience, url.toString(), description,
                            WebhookSignature.newSecret());
                })
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

    /** An endpoint of an audience the caller may not see is as absent as another tenant's: 404. */
    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CUSTOMER, Roles.SUPERVISOR, Roles.OPERATOR})
    public Uni<EndpointView> get(@PathParam("id") String rawId) {
        UUID id = PathParams.uuid("id", rawId);
        return store.find(caller.visible(), audiences.visible(), id)
                .map(found -> found.map(EndpointView::of)
                        .orElseThrow(() -> ProblemException.notFound("No endpoint " + id)));
    }
}
