package dev.vigil.triage.api;

import dev.vigil.platform.problem.ProblemException;
import dev.vigil.platform.problem.ProblemMappers;
import dev.vigil.platform.problem.ProblemType;
import dev.vigil.triage.TransitionRefused;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers the incident life's refusals: an action its current state does not allow is a 409 naming both. */
public class TriageProblems {

    @ServerExceptionMapper
    public Response refused(TransitionRefused e) {
        return ProblemMappers.respond(new ProblemException(ProblemType.CONFLICT, e.getMessage()).toProblem());
    }
}
