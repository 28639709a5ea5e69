package dev.vigil.triage.api;

import dev.vigil.platform.problem.ProblemException;
import dev.vigil.platform.problem.ProblemMappers;
import dev.vigil.platform.problem.ProblemType;
import dev.vigil.triage.TransitionRefused;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Answers triage's own refusals: an action the incident's current state does not allow is a 409 naming both; a
 * change that must name the version it replaces and did not is a 428.
 */
public class TriageProblems {

    @ServerExceptionMapper
    public Response refused(TransitionRefused e) {
        return ProblemMappers.respond(new ProblemException(ProblemType.CONFLICT, e.getMessage()).toProblem());
    }

    @ServerExceptionMapper
    public Response preconditionRequired(PreconditionRequired e) {
        return ProblemMappers.respond(e.toProblem());
    }
}
