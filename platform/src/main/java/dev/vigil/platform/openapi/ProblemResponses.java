package dev.vigil.platform.openapi;

import dev.vigil.platform.problem.Problem;
import dev.vigil.platform.problem.ProblemType;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Documents the problems any operation can answer, read off what the document already says about it, so that a
 * resource annotates only the ones that are its own (409 for a duplicate, 503 when the broker does not
 * acknowledge). The rules follow where the platform answers them:
 * <ul>
 * <li>401 for an operation with a security requirement: {@code ProblemMappers}, or the resource checking an
 * ingest key;</li>
 * <li>403 for one whose requirement names roles: a token without one of them, or one bound to no tenant
 * or a tenant outside the token ({@code CallerScope});</li>
 * <li>400 for one with parameters or a body: {@code PathParams}, {@code QueryParams}, bean validation, malformed
 * JSON;</li>
 * <li>404 for one with a path parameter: nothing with that id for the caller;</li>
 * <li>413 and 415 for one with a body: {@code RequestLimits} and the resource's {@code @Consumes};</li>
 * <li>503 for one whose requirement names roles (every operation backed by the database): {@code ProblemMappers}
 * when the database cannot be reached.</li>
 * </ul>
 * Every 4xx and 5xx response that says nothing about its body (Quarkus's own, or a resource's
 * {@code @APIResponse}) is given the problem+json body every Vigil error has, with an example of its type.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {
    static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    private static final Map<String, String> GENERIC = Map.of(
            "400", "A parameter or field is missing or malformed (type " + ProblemType.VALIDATION.urn()
                    + ", `errors` names each), or the body is not JSON (type " + ProblemType.MALFORMED_JSON.urn() + ")",
            "401", "No valid credentials were sent; the answer carries `" + Problem.CHALLENGE_HEADER + ": "
                    + Problem.BEARER_CHALLENGE + "`",
            "403", "The token's roles do not allow this operation, it names no tenant, or the request names a"
                    + " tenant outside the token's tenants",
            "404", "Nothing with this id exists in the tenants the caller's token names",
            "413", "The body is larger than the service accepts",
            "415", "The body is not sent as application/json",
            "503", "The service cannot reach its database just now; retry after the Retry-After seconds");

    /** What Quarkus writes on the 400, 401 and 403 it adds by itself: ours say more. */
    private static final Set<String> PLACEHOLDERS = Set.of("Bad Request", "Not Authorized", "Not Allowed");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null
                || !openAPI.getComponents().getSchemas().containsKey("Problem")) {
            throw new IllegalStateException("The Problem schema is missing from the OpenAPI components: is "
                    + Problem.class.getName() + " still annotated with @Schema(name = \"Problem\")?");
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            if (path.getOperations() != null) {
                path.getOperations().values().forEach(operation -> describe(operation, path, openAPI.getSecurity()));
            }
        }
    }

    private static void describe(Operation operation, PathItem path, List<SecurityRequirement> documentSecurity) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        List<SecurityRequirement> security = operation.getSecurity() != null ? operation.getSecurity()
                : documentSecurity;
        List<Parameter> parameters = Stream.of(operation.getParameters(), path.getParameters())
                .filter(Objects::nonNull).flatMap(List::stream).toList();
        boolean body = operation.getRequestBody() != null;

        if (security != null && security.stream().anyMatch(r -> r.getSchemes() != null && !r.getSchemes().isEmpty())) {
            addGeneric(responses, "401");
            boolean roles = security.stream().filter(r -> r.getSchemes() != null)
                    .flatMap(r -> r.getSchemes().values().stream())
                    .anyMatch(scopes -> scopes != null && !scopes.isEmpty());
            if (roles) {
                addGeneric(responses, "403");
                addGeneric(responses, "503");
            }
        }
        if (body || !parameters.isEmpty()) {
            addGeneric(responses, "400");
        }
        if (parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH)) {
            addGeneric(responses, "404");
        }
        if (body) {
            addGeneric(responses, "413");
            addGeneric(responses, "415");
        }
        responses.getAPIResponses().forEach((code, response) -> {
            if (isError(code) && !hasContent(response)) {
                response.setContent(problemContent(Integer.parseInt(code)));
            }
        });
        responses.setAPIResponses(new TreeMap<>(responses.getAPIResponses()));
    }

    /** A response the resource described is kept; one without a body gets our description if it had none. */
    private static void addGeneric(APIResponses responses, String code) {
        APIResponse response = responses.getAPIResponse(code);
        if (response == null) {
            response = OASFactory.createAPIResponse();
            responses.addAPIResponse(code, response);
        } else if (hasContent(response)) {
            return;
        }
        if (response.getDescription() == null || PLACEHOLDERS.contains(response.getDescription())) {
            response.setDescription(GENERIC.get(code));
        }
        if (code.equals("401")) {
            response.addHeader(Problem.CHALLENGE_HEADER, OASFactory.createHeader()
                    .description("How to authenticate: `" + Problem.BEARER_CHALLENGE + "`")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        }
    }

    private static Content problemContent(int status) {
        ProblemType type = ProblemType.forStatus(status);
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", type.urn());
        example.put("title", type.title());
        example.put("status", status);
        if (type == ProblemType.VALIDATION) {
            example.put("detail", "Invalid field(s): name");
            example.put("errors", List.of(Map.of("field", "name", "message", "must not be blank")));
        }
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA)).example(example));
    }

    private static boolean hasContent(APIResponse response) {
        return response.getContent() != null && response.getContent().getMediaTypes() != null
                && !response.getContent().getMediaTypes().isEmpty();
    }

    private static boolean isError(String code) {
        return code.length() == 3 && (code.charAt(0) == '4' || code.charAt(0) == '5');
    }
}
