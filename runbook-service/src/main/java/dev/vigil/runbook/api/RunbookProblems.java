package dev.vigil.runbook.api;

import dev.vigil.platform.problem.ProblemException;
import dev.vigil.platform.problem.ProblemType;
import dev.vigil.platform.problem.ProblemMappers;
import dev.vigil.runbook.ExecutionNotOpenException;
import dev.vigil.runbook.StepInputException;
import dev.vigil.runbook.StepRefusedException;
import dev.vigil.runbook.TimelineCorrectionException;
import dev.vigil.runbook.UnknownStepException;
import dev.vigil.runbook.handover.HandoverRefusedException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers the runbook domain's refusals with the problems callers branch on. */
public class RunbookProblems {

    /** Ending an execution that has ended already: the detail names its state and the one asked for. */
    @ServerExceptionMapper
    public Response notOpen(ExecutionNotOpenException e) {
        return ProblemMappers.respond(ProblemException.conflict(e.getMessage()).toProblem());
    }

    /** A step move the procedure does not allow now (order, state, four eyes): the detail says why. */
    @ServerExceptionMapper
    public Response stepRefused(StepRefusedException e) {
        return ProblemMappers.respond(ProblemException.conflict(e.getMessage()).toProblem());
    }

    /** A correction of an entry the timeline does not have: a 400 naming {@code corrects}. */
    @ServerExceptionMapper
    public Response noSuchEntry(TimelineCorrectionException e) {
        return ProblemMappers.respond(ProblemException.invalid("corrects", e.getMessage()).toProblem());
    }

    /** A decision's answer that does not fit: a 400 naming {@code answer}. */
    @ServerExceptionMapper
    public Response stepInput(StepInputException e) {
        return ProblemMappers.respond(ProblemException.invalid(e.field(), e.getMessage()).toProblem());
    }

    @ServerExceptionMapper
    public Response unknownStep(UnknownStepException e) {
        return ProblemMappers.respond(ProblemException.notFound(e.getMessage()).toProblem());
    }

    @ServerExceptionMapper
    public Response handoverRefused(HandoverRefusedException e) {
        return ProblemMappers.respond((e.notAllowed()
                ? new ProblemException(ProblemType.FORBIDDEN, e.getMessage())
                : ProblemException.conflict(e.getMessage())).toProblem());
    }
}
