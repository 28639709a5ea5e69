package dev.vigil.ingest.api;

import dev.vigil.ingest.IngestKey;
import dev.vigil.ingest.IngestKeyCache;
import dev.vigil.ingest.IngestKeys;
import dev.vigil.ingest.Tenant;
import dev.vigil.ingest.store.IngestKeyStore;
import dev.vigil.ingest.store.TenantStore;
import dev.vigil.platform.api.PathParams;
import dev.vigil.platform.api.QueryParams;
import dev.vigil.platform.paging.Page;
import dev.vigil.platform.paging.PageRequest;
import dev.vigil.platform.problem.ProblemException;
import dev.vigil.platform.security.CallerScope;
import dev.vigil.platform.security.Roles;
import dev.vigil.platform.security.TenantIds;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/**
 * Admins register tenants and issue their ingest keys, for the tenants their token names ({@code "*"}: all). Path ids arrive as text and are checked by
 * {@link PathParams} before any query: a malformed one is a 400 naming the parameter.
 */
@Path("/v1/tenants")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class TenantsResource {
    private final TenantStore tenants;
    private final IngestKeyStore ingestKeys;
    private final IngestKeyCache keyCache;

    private final CallerScope caller;

    public TenantsResource(TenantStore tenants, IngestKeyStore ingestKeys, IngestKeyCache keyCache,
            CallerScope caller) {
        this.tenants = tenants;
        this.ingestKeys = ingestKeys;
        this.keyCache = keyCache;
        this.caller = caller;
    }

    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "tenant", value = "{\"id\": \"acme\", \"name\": \"Acme Corp\"}")))
    @APIResponseSchema(value = Tenant.class, responseCode = "201",
            responseDescription = "The tenant is registered; Location names it")
    @APIResponse(responseCode = "409", description = "A tenant with this id already exists")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(@NotNull(message = "a JSON body is required") @Valid CreateTenantRequest request) {
        return tenants.create(caller.forWrite(request.id()), request.name())
                .map(tenant -> Response.created(URI.create("/v1/tenants/" + tenant.id())).entity(tenant).build());
    }

    @GET
    public Uni<Page<Tenant>> list(@QueryParam("tenant") List<String> only, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return tenants.list(caller.forList(only),
                QueryParams.page(limit, cursor, id -> TenantIds.isValid(id) ? id : null));
    }

    @GET
    @Path("/{id}")
    public Uni<Tenant> get(@PathParam("id") String rawId) {
        return existing(PathParams.tenantId("id", rawId));
    }

    @GET
    @Path("/{id}/ingest-keys")
    public Uni<Page<IngestKey>> listKeys(@PathParam("id") String rawId, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        String tenantId = PathParams.tenantId("id", rawId);
        PageRequest<UUID> page = QueryParams.page(limit, cursor, UUID::fromString);
        return existing(tenantId).chain(() -> ingestKeys.list(tenantId, page));
    }

    @APIResponse(responseCode = "204", description = "The key is revoked: every replica refuses it within"
            + " vigil.ingest.key-refresh-interval (5 s unless configured)")
    @DELETE
    @Path("/{id}/ingest-keys/{keyId}")
    public Uni<Response> revokeKey(@PathParam("id") String rawId, @PathParam("keyId") String rawKeyId) {
        String tenantId = PathParams.tenantId("id", rawId);
        UUID keyId = PathParams.uuid("keyId", rawKeyId);
        return existing(tenantId).chain(() -> ingestKeys.revoke(tenantId, keyId)).map(hash -> {
            keyCache.forget(hash.orElseThrow(() -> ProblemException.notFound("No live ingest key " + keyId
                    + " of tenant " + tenantId)));
            return Response.noContent().build();
        });
    }

    @RequestBody(required = false, description = "Optional: a name that tells the key apart", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "named key", value = "{\"name\": \"datacenter-1 probes\"}")))
    @APIResponseSchema(value = IssuedIngestKeyView.class, responseCode = "201",
            responseDescription = "The key is issued: `key` is shown only in this answer")
    @POST
    @Path("/{id}/ingest-keys")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> issueKey(@PathParam("id") String rawId, @Valid CreateIngestKeyRequest request) {
        String tenantId = PathParams.tenantId("id", rawId);
        String name = request == null ? null : request.name();
        return existing(tenantId).chain(() -> {
            UUID id = UUID.randomUUID();
            String key = IngestKeys.newKey();
            return ingestKeys.create(id, tenantId, key, name).map(createdAt -> {
                keyCache.remember(key, tenantId);
                return Response.status(Response.Status.CREATED)
                        .entity(new IssuedIngestKeyView(id, tenantId, name, key, IngestKeys.displayPrefix(key), createdAt))
                        .build();
            });
        });
    }

    /** The tenant, if it exists and the caller's token names it: a tenant outside the token is not found. */
    private Uni<Tenant> existing(String tenantId) {
        return tenants.find(caller.visible(), tenantId).map(found -> found.orElseThrow(() -> ProblemException.notFound("No tenant " + tenantId)));
    }
}
