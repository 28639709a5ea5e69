package dev.vigil.runbook.api;

import dev.vigil.platform.api.PathParams;
import dev.vigil.platform.api.QueryParams;
import dev.vigil.platform.paging.Page;
import dev.vigil.platform.paging.PageRequest;
import dev.vigil.platform.problem.ProblemException;
import dev.vigil.platform.security.CallerScope;
import dev.vigil.platform.security.Roles;
import dev.vigil.runbook.Runbook;
import dev.vigil.runbook.store.RunbookNameTakenException;
import dev.vigil.runbook.store.RunbookStore;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The runbook catalogs of the caller's tenants: supervisors define and edit runbooks (every edit a new version),
 * as JSON or as YAML kept in git; operators read them.
 */
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

    static final String YAML_EXAMPLE = """
            name: Web server down
            description: When the shop stops answering
            match:
              check: http
              env: prod
            steps:
              - kind: decision
                title: Is the disk full?
                instructions: df -h on the host
                critical: false
                branches:
                  "yes": clean-disk
                  "no": restart-web
              - name: clean-disk
                title: Remove old logs
                critical: true
              - name: restart-web
                title: Restart the web server
                expected: The homepage answers 200
                critical: true
                customerVisible: true
            """;

    private final RunbookStore runbooks;
    private final CallerScope caller;
    private final Validator validator;

    public RunbooksResource(RunbookStore runbooks, CallerScope caller, Validator validator) {
        this.runbooks = runbooks;
        this.caller = caller;
        this.validator = validator;
    }

    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "runbook", value = RunbooksResource.EXAMPLE)))
    @APIResponseSchema(value = RunbookView.class, responseCode = "201",
            responseDescription = "The runbook is defined as its version 1; Location names it")
    @APIResponse(responseCode = "409", description = "The tenant already has a runbook of this name")
    @POST
    @RolesAllowed(Roles.SUPERVISOR)
    public Uni<RestResponse<RunbookView>> create(@Valid @NotNull RunbookRequest request) {
        Runbook runbook = request.toRunbook(UUID.randomUUID(), ownerOf(request), caller.user(), now());
        return runbooks.create(runbook).map(created -> {
            if (!created) {
                throw ProblemException.conflict("A runbook named '" + runbook.name() + "' already exists");
            }
            return created(runbook);
        });
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Edit a runbook: save its next version", description = "The whole definition, as for"
            + " POST. Executions already open keep the version they opened with; those opened from now on follow"
            + " this one. A definition equal to the current version saves nothing and answers it")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "runbook", value = RunbooksResource.EXAMPLE)))
    @APIResponseSchema(value = RunbookView.class, responseCode = "200", responseDescription = "The current version")
    @APIResponse(responseCode = "409", description = "Another runbook of the tenant has the new name")
    public Uni<RunbookView> update(@PathParam("id") String rawId, @Valid @NotNull RunbookRequest request) {
        UUID id = PathParams.uuid("id", rawId);
        return runbooks.find(caller.visible(), id)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("No runbook " + id)))
                .chain(current -> save(current, request))
                .map(RunbookView::of);
    }

    @POST
    @Path("import")
    @Consumes(RunbookYaml.MEDIA_TYPE)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Import a runbook from YAML", description = "The document a YAML export gives. A runbook"
            + " of the tenant with the document's name gets it as its next version (unless nothing changed);"
            + " otherwise the runbook is created. A document that is not YAML, or holds a key no runbook has, is"
            + " refused naming its line")
    @RequestBody(required = true, content = @Content(mediaType = RunbookYaml.MEDIA_TYPE,
            schema = @Schema(implementation = String.class),
            examples = @ExampleObject(name = "runbook", value = RunbooksResource.YAML_EXAMPLE)))
    @APIResponseSchema(value = RunbookView.class, responseCode = "200",
            responseDescription = "The runbook existed: its current version, new if the document changed it")
    @APIResponse(responseCode = "201", description = "A new runbook, as its version 1; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RunbookView.class)))
    public Uni<RestResponse<RunbookView>> importYaml(String document) {
        RunbookRequest request = RunbookYaml.read(document == null ? "" : document, validator);
        String tenant = ownerOf(request);
        return runbooks.findByName(tenant, request.name().strip()).chain(existing -> existing.isPresent()
                ? save(existing.get(), request).map(saved -> RestResponse.ok(RunbookView.of(saved)))
                : createImported(request, tenant));
    }

    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.OPERATOR})
    @Operation(summary = "List runbooks, newest first", description = "The caller's tenants' own runbooks and the"
            + " shared ones; with tenant, only those tenants' own")
    public Uni<Page<RunbookView>> list(@QueryParam("tenant") List<String> tenants,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        boolean withShared = tenants == null || tenants.isEmpty();
        return runbooks.list(caller.forList(tenants), withShared, QueryParams.page(limit, cursor, UUID::fromString))
                .map(page -> page.map(RunbookView::of));
    }

    @GET
    @Path("{id}")
    @Produces({MediaType.APPLICATION_JSON, RunbookYaml.MEDIA_TYPE})
    @RolesAllowed({Roles.SUPERVISOR, Roles.OPERATOR})
    @Operation(summary = "A runbook's current version", description = "As JSON, or with Accept: application/yaml"
            + " as the YAML document POST /v1/runbooks/import reads back")
    @APIResponse(responseCode = "200", description = "The current version", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunbookView.class)),
            @Content(mediaType = RunbookYaml.MEDIA_TYPE, schema = @Schema(implementation = String.class),
                    example = RunbooksResource.YAML_EXAMPLE)})
    public Uni<Response> get(@PathParam("id") String rawId, @Context HttpHeaders headers) {
        UUID id = PathParams.uuid("id", rawId);
        boolean yaml = Accepted.first(headers, MediaType.valueOf(RunbookYaml.MEDIA_TYPE));
        return runbooks.find(caller.visible(), id)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("No runbook " + id)))
                .map(runbook -> yaml
                        ? Response.ok(RunbookYaml.write(runbook), RunbookYaml.MEDIA_TYPE).build()
                        : Response.ok(RunbookView.of(runbook), MediaType.APPLICATION_JSON).build());
    }

    @GET
    @Path("{id}/versions")
    @RolesAllowed({Roles.SUPERVISOR, Roles.OPERATOR})
    @Operation(summary = "A runbook's versions, newest first")
    public Uni<Page<RunbookView>> versions(@PathParam("id") String rawId, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        UUID id = PathParams.uuid("id", rawId);
        PageRequest<Long> page = QueryParams.page(limit, cursor, Long::valueOf);
        return runbooks.find(caller.visible(), id)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("No runbook " + id)))
                .chain(runbook -> runbooks.versions(caller.visible(), id, page))
                .map(versions -> versions.map(RunbookView::of));
    }

    @GET
    @Path("{id}/versions/{version}")
    @RolesAllowed({Roles.SUPERVISOR, Roles.OPERATOR})
    @Operation(summary = "One version of a runbook", description = "What an execution that opened with it follows")
    public Uni<RunbookView> version(@PathParam("id") String rawId, @PathParam("version") String rawVersion) {
        UUID id = PathParams.uuid("id", rawId);
        int version = PathParams.positiveInt("version", rawVersion, "must be a version number, 1 or more");
        return runbooks.version(caller.visible(), id, version)
                .map(found -> found.map(RunbookView::of).orElseThrow(() -> ProblemException.notFound("No version "
                        + version + " of runbook " + id)));
    }

    /** The tenant a new runbook belongs to: the shared catalog's, or one the caller's token names. */
    private String ownerOf(RunbookRequest request) {
        if (!Boolean.TRUE.equals(request.shared())) {
            return caller.forWrite(request.tenant());
        }
        if (request.tenant() != null) {
            throw ProblemException.invalid("tenant", "must be left out of a shared runbook, which every tenant uses");
        }
        return Runbook.SHARED;
    }

    /** Saves {@code request} over {@code current}, in {@code current}'s tenant, as the caller. */
    private Uni<Runbook> save(Runbook current, RunbookRequest request) {
        if (request.shared() != null && request.shared() != current.shared()) {
            throw ProblemException.invalid("shared", current.shared()
                    ? "the runbook is shared and stays so; define a tenant's own runbook to replace it for that tenant"
                    : "the runbook is " + current.tenant() + "'s own and stays so; define a shared one instead");
        }
        if (request.tenant() != null && !request.tenant().equals(current.tenant())) {
            throw ProblemException.invalid("tenant", current.shared() ? "must be left out of a shared runbook"
                    : "must be the runbook's own, " + current.tenant() + ", or left out");
        }
        Runbook draft = request.toRunbook(current.id(), current.tenant(), caller.user(), now());
        return runbooks.update(caller.visible(), current.id(), draft, caller.user(), now())
                .map(saved -> saved.orElseThrow(() -> ProblemException.notFound("No runbook " + current.id())))
                .onFailure(RunbookNameTakenException.class)
                .transform(e -> ProblemException.conflict(e.getMessage()));
    }

    private Uni<RestResponse<RunbookView>> createImported(RunbookRequest request, String tenant) {
        Runbook runbook = request.toRunbook(UUID.randomUUID(), tenant, caller.user(), now());
        return runbooks.create(runbook).map(created -> {
            if (!created) {
                // another import of the same name won the race: this one is refused, never merged blindly
                throw ProblemException.conflict("A runbook named '" + runbook.name() + "' was created meanwhile;"
                        + " import again to save a new version of it");
            }
            return created(runbook);
        });
    }

    private static RestResponse<RunbookView> created(Runbook runbook) {
        return RestResponse.ResponseBuilder.<RunbookView>created(URI.create("/v1/runbooks/" + runbook.id()))
                .entity(RunbookView.of(runbook)).build();
    }

    /** PostgreSQL keeps microseconds: truncating makes the answer equal what a later read returns. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
