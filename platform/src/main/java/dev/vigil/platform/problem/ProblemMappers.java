package dev.vigil.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure a caller can cause into problem+json with the right status; anything else is logged
 * and answered 500 without internals.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.toProblem());
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e) {
        String allowed = e.getTargetType() != null && e.getTargetType().isEnum()
                ? " (one of " + Arrays.stream(e.getTargetType().getEnumConstants()).map(String::valueOf)
                        .map(String::toLowerCase).collect(Collectors.joining(", ")) + ")"
                : "";
        return respond(ProblemException.invalid(path(e), "has an unacceptable value" + allowed).toProblem());
    }

    /** Quarkus maps MismatchedInputException itself; claiming it here keeps the answer problem+json. */
    @ServerExceptionMapper({JsonMappingException.class, MismatchedInputException.class})
    public Response mapping(JsonMappingException e) {
        String field = path(e);
        if (field.isEmpty()) {
            return respond(new ProblemException(ProblemType.MALFORMED_JSON, "The body does not have the expected shape")
                    .toProblem());
        }
        return respond(ProblemException.invalid(field, "has the wrong type or shape").toProblem());
    }

    @ServerExceptionMapper
    public Response malformed(JsonParseException e) {
        return respond(new ProblemException(ProblemType.MALFORMED_JSON,
                "The body is not valid JSON near line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr()).toProblem());
    }

    /** Mapped at ValidationException, the type Quarkus's own mapper claims, so this one replaces it. */
    @ServerExceptionMapper
    public Response validation(ValidationException e) {
        if (!(e instanceof ConstraintViolationException violations)) {
            return unexpected(e);
        }
        List<Problem.FieldError> errors = violations.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return respond(ProblemException.invalid(errors).toProblem());
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized() {
        return Response.fromResponse(respond(new ProblemException(ProblemType.UNAUTHORIZED,
                "Send a valid bearer token in the Authorization header").toProblem()))
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(new ProblemException(ProblemType.FORBIDDEN, "Your role does not allow this").toProblem());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        // Quarkus wraps body-reading failures; answer them as the JSON problems they are
        if (e.getCause() instanceof JsonMappingException mapping) {
            return mapping(mapping);
        }
        if (e.getCause() instanceof StreamReadException) {
            return respond(new ProblemException(ProblemType.MALFORMED_JSON, "The body is not valid JSON").toProblem());
        }
        int status = e.getResponse().getStatus();
        ProblemType type = Arrays.stream(ProblemType.values()).filter(t -> t.status() == status).findFirst()
                .orElse(status >= 500 ? ProblemType.INTERNAL : ProblemType.VALIDATION);
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        return respond(new Problem(type.urn(), type.title(), status, status >= 500 ? null : e.getMessage(), List.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected failure answering a request", e);
        return respond(new ProblemException(ProblemType.INTERNAL, "The request could not be completed").toProblem());
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** {@code create.request.steps[0].title} becomes {@code steps[0].title}: the caller's view of the field. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }
}
