package dev.vigil.runbook.api;

import dev.vigil.platform.api.PathParams;
import dev.vigil.platform.problem.ProblemException;
import dev.vigil.platform.security.CallerTenant;
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
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/** The tenant's runbook catalog: supervisors define runbooks, operators read them. */
@Path("/v1/runbooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RunbookResource {
    private final RunbookStore runbooks;
    private final CallerTenant caller;

    public RunbookResource(RunbookStore runbooks, CallerTenant caller) {
        this.runbooks = runbooks;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.SUPERVISOR)
    public Uni<RestResponse<RunbookView>> create(@Valid @NotNull CreateRunbookRequest request) {
        // PostgreSQL keeps microseconds: truncating here makes the answer equal what a later read returns
        Runbook runbook = request.toRunbook(UUID.randomUUID(), caller.require(),
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
    public Uni<List<RunbookView>> list() {
        return runbooks.listForTenant(caller.require())
                .map(found -> found.stream().map(RunbookView::of).toList());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.SUPERVISOR, Roles.OPERATOR})
    public Uni<RunbookView> get(@PathParam("id") String rawId) {
        UUID id = PathParams.uuid("id", rawId);
        return runbooks.find(caller.require(), id)
                .map(found -> found.map(RunbookView::of)
                        .orElseThrow(() -> ProblemException.notFound("No runbook " + id)));
    }
}
