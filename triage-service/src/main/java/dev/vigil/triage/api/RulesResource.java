package dev.vigil.triage.api;

import dev.vigil.platform.api.QueryParams;
import dev.vigil.platform.paging.Page;
import dev.vigil.platform.problem.Problem;
import dev.vigil.platform.problem.ProblemException;
import dev.vigil.platform.security.CallerScope;
import dev.vigil.platform.security.Roles;
import dev.vigil.triage.rules.DefaultRules;
import dev.vigil.triage.rules.TriageRules;
import dev.vigil.triage.store.RulesStore;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Each tenant's noise rules: grouping, thresholds, flap detection, timeouts and inhibitions. Every save is a new
 * version, kept with who saved it and when; a change must name the version it replaces, so two supervisors editing
 * at once cannot silently undo each other.
 */
@Path("/v1/rules/{tenant}")
@Produces(MediaType.APPLICATION_JSON)
public class RulesResource {
    private static final String ETAG_DESCRIPTION = "The version, quoted: send it back as If-Match to change the rules";

    private final RulesStore rules;
    private final DefaultRules defaults;
    private final CallerScope caller;

    public RulesResource(RulesStore rules, DefaultRules defaults, CallerScope caller) {
        this.defaults = defaults;
        this.rules = rules;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.OPERATOR})
    @Operation(summary = "The tenant's current noise rules (version 0: the defaults); its ETag is the version")
    @APIResponse(responseCode = "200", description = "The current rules",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RulesView.class)),
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG_DESCRIPTION,
                    schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> get(@PathParam("tenant") String tenant) {
        String checked = caller.forWrite(tenant);
        return current(checked).map(view -> Response.ok(view).tag(Versions.tag(view.version())).build());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Replace the tenant's noise rules with a new version; they apply to alerts triaged from now"
            + " on")
    @APIResponse(responseCode = "200", description = "The saved version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RulesView.class)),
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG_DESCRIPTION,
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "409",
            description = "Another change saved a version at the same moment; read and retry")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer the current one")
    @APIResponse(responseCode = "428", description = "If-Match is missing: a change must name the version it replaces",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"),
                    example = PreconditionRequired.EXAMPLE))
    public Uni<Response> put(@PathParam("tenant") String tenant,
            @Parameter(required = true, description = "The version the change replaces, as the ETag of GET gave it,"
                    + " e.g. \"3\" with its quotes")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull(message = "a JSON body is required") RulesRequest request) {
        String checked = caller.forWrite(tenant);
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequired("Send If-Match with the ETag of GET /v1/rules/" + checked
                    + ": a change must name the version it replaces");
        }
        TriageRules replacement = request.toRules(defaults.rules());
        String user = caller.user();
        return current(checked).chain(current -> {
            Versions.requireMatch(ifMatch, current.version(), "The rules are");
            return rules.save(checked, current.version(), replacement, user);
        }).map(saved -> saved.map(RulesView::of).orElseThrow(() -> ProblemException.conflict(
                        "Another change saved the rules at the same moment; read them and retry")))
                .map(view -> Response.ok(view).tag(Versions.tag(view.version())).build());
    }

    @GET
    @Path("/versions")
    @RolesAllowed({Roles.SUPERVISOR, Roles.OPERATOR})
    @Operation(summary = "Every saved version, newest first: who changed the rules, when, and what they said before"
            + " and after")
    public Uni<Page<RulesChangeView>> versions(@PathParam("tenant") String tenant, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        String checked = caller.forWrite(tenant);
        return rules.versions(checked, QueryParams.page(limit, cursor, Long::valueOf), defaults.rules())
                .map(page -> page.map(RulesChangeView::of));
    }

    private Uni<RulesView> current(String tenant) {
        return rules.latest(tenant).map(found -> found.map(RulesView::of).orElseGet(() -> RulesView.defaults(tenant, defaults.rules())));
    }

}
