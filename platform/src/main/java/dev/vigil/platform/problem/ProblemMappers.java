package dev.vigil.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.vigil.platform.json.JsonPaths;
import dev.vigil.platform.json.UnstorableTextException;
import dev.vigil.platform.messaging.ApplyFailure;
import dev.vigil.platform.validation.InvalidInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
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
    private static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.toProblem());
    }

    /** The domain's refusal of fields, answered exactly as {@link ProblemException#invalid} would be. */
    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e) {
        return respond(ProblemException.invalid(e.violations().stream()
                .map(v -> new Problem.FieldError(v.field(), v.reason())).toList()).toProblem());
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e) {
        String allowed = e.getTargetType() != null && e.getTargetType().isEnum()
                ? " (one of " + Arrays.stream(e.getTargetType().getEnumConstants()).map(String::valueOf)
                        .map(String::toLowerCase).collect(Collectors.joining(", ")) + ")"
                : "";
        return respond(ProblemException.invalid(JsonPaths.of(e.getPath()), "has an unacceptable value" + allowed)
                .toProblem());
    }

    /** Quarkus maps MismatchedInputException itself; claiming it here keeps the answer problem+json. */
    @ServerExceptionMapper({JsonMappingException.class, MismatchedInputException.class})
    public Response mapping(JsonMappingException e) {
        // a parse error inside a list element arrives wrapped, with the path only down to the element
        if (e.getCause() instanceof StreamReadException unreadable) {
            return unreadable(unreadable);
        }
        String field = JsonPaths.of(e.getPath());
        if (field.isEmpty()) {
            return respond(new ProblemException(ProblemType.MALFORMED_JSON, "The body does not have the expected shape")
                    .toProblem());
        }
        String message = e instanceof UnstorableTextException ? e.getOriginalMessage() : "has the wrong type or shape";
        return respond(ProblemException.invalid(field, message).toProblem());
    }

    @ServerExceptionMapper
    public Response malformed(JsonParseException e) {
        return unreadable(e);
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
        return respond(new ProblemException(ProblemType.UNAUTHORIZED,
                "Send a valid bearer token in the Authorization header").toProblem());
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
        if (e.getCause() instanceof StreamReadException unreadable) {
            return unreadable(unreadable);
        }
        int status = e.getResponse().getStatus();
        ProblemType type = ProblemType.forStatus(status);
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        Response problem = respond(new Problem(type.urn(), type.title(), status, status >= 500 ? null : e.getMessage(),
                List.of()));
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        return allow == null ? problem : Response.fromResponse(problem).header(HttpHeaders.ALLOW, allow).build();
    }

    /**
     * What a consumer would hold and retry (the database away, a lost connection, a timeout) is a 503 a client may
     * retry, not a 500 that reads as a bug; anything else is a bug.
     */
    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (ApplyFailure.isTransient(e)) {
            LOG.warnf("answering 503: %s", ApplyFailure.describe(e));
            return Response.fromResponse(respond(new ProblemException(ProblemType.UNAVAILABLE,
                    "The service cannot reach its database just now; try again shortly").toProblem()))
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
        }
        LOG.error("unexpected failure answering a request", e);
        return respond(new ProblemException(ProblemType.INTERNAL, "The request could not be completed").toProblem());
    }

    /** Not JSON, or JSON naming a key twice: the duplicate is named so the caller can find it. */
    private static Response unreadable(StreamReadException e) {
        return respond(JsonPaths.duplicateKey(e)
                .map(ProblemException::duplicateKey)
                .orElseGet(() -> new ProblemException(ProblemType.MALFORMED_JSON, e.getLocation() == null
                        ? "The body is not valid JSON"
                        : "The body is not valid JSON near line " + e.getLocation().getLineNr() + ", column "
                                + e.getLocation().getColumnNr()))
                .toProblem());
    }

    /**
     * Every 401 tells the caller how to authenticate (RFC 9110 section 11.6.1). Public so a service's own mappers
     * for its domain exceptions answer the same way.
     */
    public static Response respond(Problem problem) {
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (problem.status() == 401) {
            response.header(Problem.CHALLENGE_HEADER, Problem.BEARER_CHALLENGE);
        }
        return response.build();
    }

    /** {@code create.request.steps[0].title} becomes {@code steps[0].title}: the caller's view of the field. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }
}
