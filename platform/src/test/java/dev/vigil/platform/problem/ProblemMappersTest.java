package dev.vigil.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.platform.validation.InvalidInputException;
import dev.vigil.platform.validation.InvalidInputException.Violation;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemMappersTest {

    @Test
    void aRefusedFieldFromTheDomainIsTheSameValidationProblemAsOneRefusedByTheApi() {
        Response answer = new ProblemMappers().invalidInput(new InvalidInputException(List.of(
                new Violation("[1].severity", "must be one of info"), new Violation("[1].status", "must be firing"))));

        assertEquals(400, answer.getStatus());
        assertEquals(ProblemException.invalid(List.of(new Problem.FieldError("[1].severity", "must be one of info"),
                new Problem.FieldError("[1].status", "must be firing"))).toProblem(), answer.getEntity());
    }
}
