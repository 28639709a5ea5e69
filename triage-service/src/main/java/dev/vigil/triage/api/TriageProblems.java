package dev.vigil.triage.api;

import dev.vigil.platform.problem.ProblemException;
import dev.vigil.platform.problem.ProblemMappers;
import dev.vigil.platform.problem.ProblemType;
import dev.vigil.triage.TransitionRefused;
import dev.vigil.triage.window.StaleVersionException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Answers triage's own refusals: an action the incident's current state does not allow is a 409 naming both; a
 * change based on a version that is no longer current is a 412 naming both; a change that must name the version it
 * replaces and did not is a 428.
 */
public class TriageProblems {

    @ServerExceptionMapper
    public Response refused(TransitionRefused e) {
        return ProblemMappers.respond(new ProblemException(ProblemType.CONFLICT, e.getMessage()).toProblem());
    }

    @ServerExceptionMapper
    public Response stale(StaleVersionException e) {
        return ProblemMappers.respond(new ProblemException(ProblemType.PRECONDITION_FAILED, e.getMessage())
                .toProblem());
    }

    @ServerExceptionMapper
    public Response preconditionRequired(PreconditionRequired e) {
        return ProblemMappers.respond(e.toProblem());
    }
}
