package dev.vigil.ingest.api;

import dev.vigil.ingest.TenantExistsException;
import dev.vigil.ingest.TooManyAlertsException;
import dev.vigil.platform.problem.ProblemException;
import dev.vigil.platform.problem.ProblemMappers;
import dev.vigil.platform.problem.ProblemType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Answers ingest's domain refusals with the problems callers branch on. Refused fields
 * ({@link dev.vigil.platform.validation.InvalidInputException}) are answered by the platform's mappers.
 */
public class IngestProblems {

    @ServerExceptionMapper
    public Response tooManyAlerts(TooManyAlertsException e) {
        return ProblemMappers.respond(new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, e.getMessage()).toProblem());
    }

    @ServerExceptionMapper
    public Response rateLimited(RateLimitedException e) {
        return Response.fromResponse(ProblemMappers.respond(new ProblemException(ProblemType.TOO_MANY_REQUESTS,
                e.getMessage()).toProblem())).header("Retry-After", e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper
    public Response tenantExists(TenantExistsException e) {
        return ProblemMappers.respond(ProblemException.conflict(e.getMessage()).toProblem());
    }
}
