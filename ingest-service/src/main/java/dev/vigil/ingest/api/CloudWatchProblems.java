package dev.vigil.ingest.api;

import dev.vigil.ingest.cloudwatch.SnsUnavailableException;
import dev.vigil.ingest.cloudwatch.UntrustedMessageException;
import dev.vigil.platform.problem.Problem;
import dev.vigil.platform.problem.ProblemException;
import dev.vigil.platform.problem.ProblemMappers;
import dev.vigil.platform.problem.ProblemType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Answers the CloudWatch input's refusals. A message that cannot be shown to be SNS's is a 403 naming the field
 * (the key was right, the message is not trusted); 4xx is also what stops SNS retrying it. SNS being away while
 * ingest fetches from it is a 503, which SNS retries.
 */
public class CloudWatchProblems {
    private static final int RETRY_AFTER_SECONDS = 20;

    @ServerExceptionMapper
    public Response untrusted(UntrustedMessageException e) {
        return ProblemMappers.respond(new ProblemException(ProblemType.FORBIDDEN,
                "The message is not trusted as Amazon SNS's: " + e.getMessage(),
                List.of(new Problem.FieldError(e.field(), e.reason()))).toProblem());
    }

    @ServerExceptionMapper
    public Response snsUnavailable(SnsUnavailableException e) {
        return Response.fromResponse(ProblemMappers.respond(new ProblemException(ProblemType.UNAVAILABLE,
                "Amazon SNS could not be reached to verify the message: " + e.getMessage()).toProblem()))
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }
}
