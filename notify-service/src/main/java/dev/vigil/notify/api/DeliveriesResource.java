package dev.vigil.notify.api;

import dev.vigil.notify.store.DeliveryStore;
import dev.vigil.platform.api.OptionalBody;
import dev.vigil.platform.api.PathParams;
import dev.vigil.platform.api.QueryParams;
import dev.vigil.platform.paging.Page;
import dev.vigil.platform.problem.ProblemException;
import dev.vigil.platform.security.CallerScope;
import dev.vigil.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/**
 * The webhook deliveries of the caller's tenants and how they went; a customer sees only those to its own endpoints,
 * not to the MSP's channels ({@link AudienceAccess}).
 */
@Path("/v1/deliveries")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveriesResource {
    private final DeliveryStore store;
    private final CallerScope caller;
    private final AudienceAccess audiences;

    public DeliveriesResource(DeliveryStore store, CallerScope caller, AudienceAccess audiences) {
        this.store = store;
        this.caller = caller;
        this.audiences = audiences;
    }

    /** Query parameters are taken as text; {@link QueryParams} answers a bad one with a 400 naming it. */
    @GET
    @RolesAllowed({Roles.CUSTOMER, Roles.SUPERVISOR, Roles.OPERATOR})
    public Uni<Page<DeliveryView>> list(@QueryParam("tenant") List<String> tenants,
            @QueryParam("incidentId") String incidentId, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return store.list(caller.forList(tenants), audiences.visible(), QueryParams.uuid("incidentId", incidentId),
                QueryParams.page(limit, cursor, UUID::fromString)).map(page -> page.map(DeliveryView::of));
    }

    /**
     * Sends a failed delivery again: it is pending at once, with a fresh budget of attempts, the same
     * {@code webhook-id} and the same body. A delivery the caller may not see is as absent as another tenant's.
     */
    @POST
    @Path("/{id}/replay")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.CUSTOMER, Roles.SUPERVISOR, Roles.OPERATOR})
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReplayRequest.class)))
    @APIResponseSchema(value = DeliveryView.class, responseCode = "202",
            responseDescription = "Pending again, as it is now")
    @APIResponse(responseCode = "409", description = "It has not failed")
    public Uni<Response> replay(@PathParam("id") String rawId, String body) {
        UUID id = PathParams.uuid("id", rawId);
        ReplayRequest request = OptionalBody.read(body, ReplayRequest.class);
        String note = request == null ? null : OptionalBody.note("note", request.note());
        return store.replay(caller.visible(), audiences.visible(), id, caller.user(), note)
                .chain(result -> switch (result) {
                    case REPLAYED -> store.find(caller.visible(), audiences.visible(), id)
                            .map(found -> Response.accepted(DeliveryView.of(found.orElseThrow())).build());
                    case NOT_FOUND -> throw ProblemException.notFound("No delivery " + id);
                    case NOT_FAILED -> throw ProblemException.conflict("Delivery " + id
                            + " has not failed: only a failed delivery is sent again");
                    case ENDPOINT_DISABLED -> throw ProblemException.conflict("The endpoint of delivery " + id
                            + " is disabled or deleted: enable it first (PATCH /v1/endpoints/{id})");
                });
    }
}
