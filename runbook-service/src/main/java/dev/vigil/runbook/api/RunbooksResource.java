package dev.vigil.runbook.api;

import dev.vigil.platform.api.PathParams;
import dev.vigil.platform.api.QueryParams;
import dev.vigil.platform.paging.Page;
import dev.vigil.platform.problem.ProblemException;
import dev.vigil.platform.security.CallerScope;
import dev.vigil.platform.security.Roles;
import dev.vigil.runbook.Runbook;
import dev.vigil.runbook.store.RunbookStore;
import io.smallrye.mutiny.Uni;
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
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.jboss.resteasy.reactive.RestResponse;

/** The runbook catalogs of the caller's tenants: supervisors define runbooks, operators read them. */
@Path("/v1/runbooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RunbooksResource {
    static final String EXAMPLE = """
            {
              "name": "Web server down",
              "description": "When the shop stops answering",
              "match": {"check": "http", "env": "prod"},
              "steps": [
                {"title": "Check free disk space", "instructions": "df -h on the host", "critical": false},
                {"title": "Restart the web server", "critical": true}
              ]
            }""";

    private final RunbookStore runbooks;
    private final CallerScope caller;

    public RunbooksResource(RunbookStore runbooks, CallerScope caller) {
        this.runbooks = runbooks;
        this.caller = caller;
    }

    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "runbook", value = RunbooksResource.EXAMPLE)))
    @APIResponseSchema(value = RunbookView.class, responseCode = "201",
            responseDescription = "The runbook is defined; Location names it")
    @APIResponse(responseCode = "409", description = "The tenant already has a runbook of this name")
    @POST
    @RolesAllowed(Roles.SUPERVISOR)
    public Uni<RestResponse<RunbookView>> create(@Valid @NotNull CreateRunbookRequest request) {
        // PostgreSQL keeps microseconds: truncating here makes the answer equal what a later read returns
        Runbook runbook = request.toRunbook(UUID.randomUUID(), caller.forWrite(request.tenant()),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        return runbooks.create(runbook).map(created -> {
            if (!created) {
                throw ProblemException.conflict("A runbook named '" + runbook.name() + "' already exists");
            }
            return RestResponse.ResponseBuilder.<RunbookView>created(URI.create("/v1/runbooks/" + runbook.id()))
                    .entity(RunbookView.of(runbook)).build();
        });
    }

    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.OPERATOR})
    public Uni<Page<RunbookView>> list(@QueryParam("tenant") List<String> tenants,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return runbooks.list(caller.forList(tenants), QueryParams.page(limit, cursor, UUID::fromString))
                .map(page -> page.map(RunbookView::of));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.SUPERVISOR, Roles.OPERATOR})
    public Uni<RunbookView> get(@PathParam("id") String rawId) {
        UUID id = PathParams.uuid("id", rawId);
        return runbooks.find(caller.visible(), id)
                .map(found -> found.map(RunbookView::of)
                        .orElseThrow(() -> ProblemException.notFound("No runbook " + id)));
    }
}
