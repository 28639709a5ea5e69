package dev.vigil.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.ingest.heartbeat.AlertsNotAcknowledgedException;
import dev.vigil.ingest.heartbeat.HeartbeatNames;
import dev.vigil.ingest.heartbeat.HeartbeatPings;
import dev.vigil.ingest.heartbeat.HeartbeatSchedule;
import dev.vigil.ingest.store.HeartbeatStore;
import dev.vigil.ingest.store.TenantStore;
import dev.vigil.platform.api.PathParams;
import dev.vigil.platform.api.QueryParams;
import dev.vigil.platform.paging.Page;
import dev.vigil.platform.problem.ProblemException;
import dev.vigil.platform.problem.ProblemType;
import dev.vigil.platform.security.CallerScope;
import dev.vigil.platform.security.Roles;
import dev.vigil.platform.security.TenantScope;
import dev.vigil.platform.validation.InvalidInputException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Provider;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Heartbeats (dead-man switches): a probe pings one by name with its tenant's ingest key, staff set their
 * schedules and read their states. A missed one raises an alert
 * ({@link dev.vigil.ingest.heartbeat.HeartbeatEvaluator}).
 */
@Path("/v1/heartbeats")
@Produces(MediaType.APPLICATION_JSON)
public class HeartbeatsResource {
    private static final String NAME_DESCRIPTION = "The heartbeat's name: " + HeartbeatNames.RULE;
    private static final Set<String> PING_FIELDS = Set.of("interval", "grace");

    private final AlertIntake intake;
    private final HeartbeatPings pings;
    private final HeartbeatStore heartbeats;
    private final TenantStore tenants;
    /** Request-scoped, and only a JWT caller has one: a ping carries an ingest key. */
    private final Provider<CallerScope> caller;

    public HeartbeatsResource(AlertIntake intake, HeartbeatPings pings, HeartbeatStore heartbeats,
            TenantStore tenants, Provider<CallerScope> caller) {
        this.intake = intake;
        this.pings = pings;
        this.heartbeats = heartbeats;
        this.tenants = tenants;
        this.caller = caller;
    }

    @POST
    @Path("/{name}")
    @PermitAll
    @SecurityRequirement(name = IngestKeyScheme.NAME)
    @RequestBody(required = false, description = "Optional, instead of the query parameters: interval and grace as"
            + " in HeartbeatRequest (without tenant). Sent with any content type; an empty body is none",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = HeartbeatRequest.class),
                    examples = @ExampleObject(name = "schedule", value = HeartbeatRequest.PING_EXAMPLE)))
    @APIResponseSchema(value = HeartbeatView.class, responseCode = "200", responseDescription = "The ping is"
            + " recorded (the first creates the heartbeat); if the heartbeat was missed, the broker acknowledged the"
            + " alert that resolves it")
    @APIResponse(responseCode = "503", description = "The broker did not acknowledge the alert that resolves the"
            + " miss: the ping is not recorded, retry it")
    public Uni<HeartbeatView> ping(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Parameter(description = NAME_DESCRIPTION, schema = @Schema(type = SchemaType.STRING,
                    pattern = "^" + HeartbeatNames.REGEX + "$")) @PathParam("name") String rawName,
            @Parameter(description = "Expected time between pings: whole seconds (300) or an ISO-8601 duration"
                    + " (PT5M), 1 s to 365 days. Absent: unchanged, or 1 day for a new heartbeat", example = "300")
            @QueryParam("interval") String interval,
            @Parameter(description = "How late a ping may be: whole seconds or an ISO-8601 duration, 0 s to 30 days."
                    + " Absent: unchanged, or 1 hour for a new heartbeat", example = "60")
            @QueryParam("grace") String grace,
            String body) {
        return intake.tenantOf(authorization).chain(tenant -> {
            String name = HeartbeatNames.require("name", rawName);
            HeartbeatRequest sent = pingBody(body);
            HeartbeatSchedule.Change change = HeartbeatSchedule.Change.read(
                    oneOf("interval", interval, sent.interval()), oneOf("grace", grace, sent.grace()));
            return pings.ping(tenant, name, change)
                    .onFailure(AlertsNotAcknowledgedException.class).transform(e -> new ProblemException(
                            ProblemType.UNAVAILABLE, "The broker did not acknowledge the alert that resolves the"
                                    + " miss; the ping is not recorded: retry it"))
                    .map(HeartbeatView::of);
        });
    }

    @PUT
    @Path("/{name}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = HeartbeatRequest.class),
            examples = @ExampleObject(name = "schedule", value = HeartbeatRequest.EXAMPLE)))
    @APIResponseSchema(value = HeartbeatView.class, responseCode = "200", responseDescription = "The heartbeat"
            + " with its schedule set; one that did not exist is created new, and is never missed until pinged")
    public Uni<HeartbeatView> put(@Parameter(description = NAME_DESCRIPTION, schema = @Schema(
            type = SchemaType.STRING, pattern = "^" + HeartbeatNames.REGEX + "$")) @PathParam("name") String rawName,
            @NotNull(message = "a JSON body is required") HeartbeatRequest request) {
        String tenant = caller.get().forWrite(request.tenant());
        String name = HeartbeatNames.require("name", rawName);
        HeartbeatSchedule.Change change = HeartbeatSchedule.Change.read(request.interval(), request.grace());
        return tenants.find(TenantScope.of(tenant), tenant).chain(found -> {
            if (found.isEmpty()) {
                throw ProblemException.notFound("No tenant " + tenant);
            }
            return pings.reschedule(tenant, name, change);
        }).map(HeartbeatView::of);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.OPERATOR, Roles.CUSTOMER})
    public Uni<Page<HeartbeatView>> list(@QueryParam("tenant") List<String> only, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return heartbeats.list(caller.get().forList(only), QueryParams.page(limit, cursor, UUID::fromString))
                .map(page -> page.map(HeartbeatView::of));
    }

    @GET
    @Path("/{tenant}/{name}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.OPERATOR, Roles.CUSTOMER})
    public Uni<HeartbeatView> get(@PathParam("tenant") String rawTenant,
            @Parameter(description = NAME_DESCRIPTION, schema = @Schema(type = SchemaType.STRING,
                    pattern = "^" + HeartbeatNames.REGEX + "$")) @PathParam("name") String rawName) {
        String tenant = PathParams.tenantId("tenant", rawTenant);
        String name = HeartbeatNames.require("name", rawName);
        return heartbeats.find(caller.get().visible(), tenant, name).map(found -> HeartbeatView.of(found.orElseThrow(
                () -> ProblemException.notFound("No heartbeat " + name + " of tenant " + tenant))));
    }

    /** A ping's optional JSON body: interval and grace as text, nothing else. */
    private static HeartbeatRequest pingBody(String body) {
        if (body == null || body.isBlank()) {
            return new HeartbeatRequest(null, null, null);
        }
        JsonNode tree = AlertIntake.readJson(body);
        if (!tree.isObject()) {
            throw new InvalidInputException("$", "must be a JSON object with interval and grace");
        }
        for (Iterator<String> fields = tree.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            if (!PING_FIELDS.contains(field)) {
                throw new InvalidInputException(field, "is not taken by a ping (only interval and grace; the ingest"
                        + " key names the tenant)");
            }
        }
        return new HeartbeatRequest(null, text(tree, "interval"), text(tree, "grace"));
    }

    private static String text(JsonNode tree, String field) {
        JsonNode value = tree.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidInputException(field, "must be a string: whole seconds (\"300\") or an ISO-8601"
                    + " duration (\"PT5M\")");
        }
        return value.textValue();
    }

    private static String oneOf(String field, String query, String body) {
        if (query != null && body != null) {
            throw new InvalidInputException(field, "is sent both as a query parameter and in the body");
        }
        return query != null ? query : body;
    }
}
