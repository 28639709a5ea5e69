package dev.vigil.runbook.api;

import dev.vigil.platform.api.PathParams;
import dev.vigil.platform.problem.ProblemException;
import dev.vigil.platform.security.CallerScope;
import dev.vigil.platform.security.Roles;
import dev.vigil.runbook.messaging.ExecutionChanges;
import dev.vigil.runbook.report.RecoveryReport;
import dev.vigil.runbook.store.ExecutionStore;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/**
 * What an execution leaves on record besides its steps: the isolation record, where the fault lies, and the
 * customer report written from it all.
 */
@Path("/v1/executions/{id}")
public class ExecutionRecordsResource {
    static final String MARKDOWN = "text/markdown";

    private final ExecutionStore executions;
    private final ExecutionChanges changes;
    private final CallerScope caller;

    public ExecutionRecordsResource(ExecutionStore executions, ExecutionChanges changes, CallerScope caller) {
        this.executions = executions;
        this.changes = changes;
        this.caller = caller;
    }

    @GET
    @Path("isolation")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.OPERATOR})
    @Operation(summary = "The isolation record: where the fault lies, area by area")
    public Uni<IsolationView> isolation(@PathParam("id") String rawId) {
        UUID id = PathParams.uuid("id", rawId);
        return executions.find(caller.visible(), id)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("No execution " + id)))
                .chain(execution -> executions.isolation(id)).map(IsolationView::of);
    }

    @PUT
    @Path("isolation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.OPERATOR})
    @Operation(summary = "Record findings of the isolation", description = "The areas given take their finding,"
            + " each change a timeline entry; the areas left out keep theirs. Also after the execution ended, so the"
            + " record can be completed for the report")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = IsolationRequest.class),
            examples = @ExampleObject(name = "findings", value = IsolationRequest.EXAMPLE)))
    @APIResponseSchema(value = IsolationView.class, responseCode = "200", responseDescription = "The whole record")
    public Uni<IsolationView> recordIsolation(@PathParam("id") String rawId, @NotNull IsolationRequest request) {
        UUID id = PathParams.uuid("id", rawId);
        return changes.isolate(caller.visible(), id, request.findings(), caller.user())
                .map(found -> found.map(IsolationView::of)
                        .orElseThrow(() -> ProblemException.notFound("No execution " + id)));
    }

    @GET
    @Path("report")
    @Produces({MARKDOWN, MediaType.TEXT_HTML})
    @RolesAllowed({Roles.CUSTOMER, Roles.SUPERVISOR, Roles.OPERATOR})
    @Operation(summary = "The customer report", description = "What happened, its impact, where the fault was,"
            + " what was done and verified by whom (the steps the customer may see), and the times; in Japanese or"
            + " English, as Markdown or (Accept: text/html) HTML. A customer reads their own tenant's")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MARKDOWN, schema = @Schema(implementation = String.class)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(implementation = String.class))})
    public Uni<Response> report(@PathParam("id") String rawId,
            @Parameter(description = "en (default) or ja") @QueryParam("lang") String lang,
            @Parameter(description = "The IANA time zone the times are given in; default UTC",
                    example = "Asia/Tokyo") @QueryParam("timeZone") String timeZone,
            @Context HttpHeaders headers) {
        UUID id = PathParams.uuid("id", rawId);
        String language = RecoveryReport.language(lang)
                .orElseThrow(() -> ProblemException.invalid("lang", "must be en or ja"));
        ZoneId zone = zone(timeZone);
        boolean html = Accepted.first(headers, MediaType.TEXT_HTML_TYPE);
        return executions.find(caller.visible(), id)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("No execution " + id)))
                .chain(execution -> executions.steps(id).chain(steps -> executions.isolation(id)
                        .map(isolation -> RecoveryReport.write(execution, steps, isolation, language, zone))))
                .map(report -> html
                        ? Response.ok(report.html(language), MediaType.TEXT_HTML + ";charset=utf-8").build()
                        : Response.ok(report.markdown(), MARKDOWN + ";charset=utf-8").build());
    }

    private static ZoneId zone(String raw) {
        if (raw == null) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(raw.strip());
        } catch (DateTimeException e) {
            throw ProblemException.invalid("timeZone", "must be an IANA time zone such as Asia/Tokyo");
        }
    }
}
