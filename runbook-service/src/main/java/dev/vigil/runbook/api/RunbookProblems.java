package dev.vigil.runbook.api;

import dev.vigil.platform.problem.ProblemException;
import dev.vigil.platform.problem.ProblemMappers;
import dev.vigil.runbook.ExecutionNotOpenException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers the runbook domain's refusals with the problems callers branch on. */
public class RunbookProblems {

    /** Ending an execution that has ended already: the detail names its state and the one asked for. */
    @ServerExceptionMapper
    public Response notOpen(ExecutionNotOpenException e) {
        return ProblemMappers.respond(ProblemException.conflict(e.getMessage()).toProblem());
    }
}
