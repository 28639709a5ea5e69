package dev.vigil.triage.api;

import dev.vigil.platform.api.PathParams;
import dev.vigil.platform.api.QueryParams;
import dev.vigil.platform.paging.Page;
import dev.vigil.platform.problem.ProblemException;
import dev.vigil.platform.security.CallerScope;
import dev.vigil.platform.security.Roles;
import dev.vigil.platform.security.TenantScope;
import dev.vigil.triage.store.MaintenanceWindowStore;
import dev.vigil.triage.window.MaintenanceWindow;
import dev.vigil.triage.window.WindowDefinition;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/**
 * Maintenance windows of the tenants the caller's token names: alerts matching one while it is in force are planned
 * work, recorded as suppressed. Each replacement is a new version, its ETag; a PUT with If-Match replaces only the
 * version it names. Query parameters are text: see {@link QueryParams}.
 */
@Path("/v1/maintenance-windows")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR})
public class MaintenanceWindowsResource {
    private final MaintenanceWindowStore windows;
    private final CallerScope caller;

    public MaintenanceWindowsResource(MaintenanceWindowStore windows, CallerScope caller) {
        this.windows = windows;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Declare a maintenance window, once or every week")
    @APIResponseSchema(value = MaintenanceWindowView.class, responseCode = "201",
            responseDescription = "The window at version 0, its ETag; Location names it")
    public Uni<Response> create(@NotNull(message = "a JSON body is required") MaintenanceWindowRequest request) {
        String tenant = caller.forWrite(request.tenant());
        Instant now = now();
        MaintenanceWindow window = MaintenanceWindow.created(UUID.randomUUID(), tenant, request.toDefinition(),
                caller.user(), now);
        return windows.create(window).map(created -> Response
                .created(URI.create("/v1/maintenance-windows/" + created.id()))
                .tag(Versions.tag(created.version())).entity(MaintenanceWindowView.of(created, now)).build());
    }

    @GET
    @Operation(summary = "The maintenance windows, newest first, each with whether it is in force now and when next")
    public Uni<Page<MaintenanceWindowView>> list(@QueryParam("tenant") List<String> tenants,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        Instant now = now();
        return windows.list(caller.forList(tenants), QueryParams.page(limit, cursor, UUID::fromString))
                .map(page -> page.map(w -> MaintenanceWindowView.of(w, now)));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One maintenance window; its ETag is its version")
    @APIResponseSchema(value = MaintenanceWindowView.class, responseCode = "200", responseDescription = "The window")
    public Uni<Response> get(@PathParam("id") String rawId) {
        UUID id = PathParams.uuid("id", rawId);
        Instant now = now();
        return windows.find(caller.visible(), id).map(found -> found
                .map(w -> Response.ok(MaintenanceWindowView.of(w, now)).tag(Versions.tag(w.version())).build())
                .orElseThrow(() -> notFound(id)));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the window's name, matchers, zone, comment and schedule; a new version")
    @APIResponseSchema(value = MaintenanceWindowView.class, responseCode = "200",
            responseDescription = "The window after, its ETag the new version")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer the current one")
    public Uni<Response> replace(@PathParam("id") String rawId,
            @Parameter(description = "The version the change is based on, as the ETag of GET gave it; without it (or"
                    + " with *) the window is replaced whatever its version") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull(message = "a JSON body is required") MaintenanceWindowRequest request) {
        UUID id = PathParams.uuid("id", rawId);
        // a window stays with its tenant: naming another one finds nothing to replace there
        TenantScope scope = request.tenant() == null ? caller.visible()
                : TenantScope.of(caller.forWrite(request.tenant()));
        WindowDefinition definition = request.toDefinition();
        Instant now = now();
        return windows.replace(scope, id, ifMatch == null ? null : ifMatch.strip(), definition, caller.user(), now)
                .map(replaced -> replaced
                        .map(w -> Response.ok(MaintenanceWindowView.of(w, now)).tag(Versions.tag(w.version())).build())
                        .orElseThrow(() -> notFound(id)));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete the window: from now on it covers no alert")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Response> delete(@PathParam("id") String rawId) {
        UUID id = PathParams.uuid("id", rawId);
        return windows.delete(caller.visible(), id).map(deleted -> {
            if (!deleted) {
                throw notFound(id);
            }
            return Response.noContent().build();
        });
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("No maintenance window " + id);
    }


    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
