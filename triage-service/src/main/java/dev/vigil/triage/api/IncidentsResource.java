package dev.vigil.triage.api;

import dev.vigil.platform.api.PathParams;
import dev.vigil.platform.api.QueryParams;
import dev.vigil.platform.paging.Page;
import dev.vigil.platform.problem.ProblemException;
import dev.vigil.platform.security.CallerScope;
import dev.vigil.platform.security.Roles;
import dev.vigil.triage.IncidentStatus;
import dev.vigil.triage.store.IncidentStore;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The operator's view of the incidents of the tenants the caller's token names. Query parameters are text: see {@link QueryParams}. */
@Path("/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR})
public class IncidentsResource {
    private final IncidentStore incidents;
    private final CallerScope caller;

    public IncidentsResource(IncidentStore incidents, CallerScope caller) {
        this.incidents = incidents;
        this.caller = caller;
    }

    @GET
    public Uni<Page<IncidentView>> list(@QueryParam("tenant") List<String> tenants,
            @QueryParam("status") String status, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return incidents.list(caller.forList(tenants), parseStatus(status),
                QueryParams.page(limit, cursor, UUID::fromString)).map(page -> page.map(IncidentView::of));
    }

    @GET
    @Path("/{id}")
    public Uni<IncidentView> get(@PathParam("id") String rawId) {
        UUID id = PathParams.uuid("id", rawId);
        return incidents.find(caller.visible(), id)
                .map(found -> found.map(IncidentView::of)
                        .orElseThrow(() -> ProblemException.notFound("No incident " + id)));
    }

    private static Optional<IncidentStatus> parseStatus(String status) {
        if (status == null) {
            return Optional.empty();
        }
        return Arrays.stream(IncidentStatus.values()).filter(s -> s.wireName().equals(status)).findFirst()
                .or(() -> {
                    throw ProblemException.invalid("status", "must be open or resolved");
                });
    }
}
