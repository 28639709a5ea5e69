package dev.vigil.runbook;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One step of a runbook as the supervisor wrote it.
 *
 * @param name            how other steps refer to it (a decision's branch target); may be null
 * @param expected        the result the person should see when the step worked
 * @param critical        a second person must verify the step before the execution may move past it
 * @param customerVisible the customer may see that this step was taken
 * @param customerApproval nobody starts the step before the customer approves it
 * @param branches        a decision step's answers, each naming the later step it goes on to; empty otherwise
 * @param next            for a step that is not a decision, the later step the procedure goes on to once it is
 *                        finished, passing over those between: where a decision's arm rejoins; null for the next one
 */
public record RunbookStep(
        int position,
        String name,
        StepKind kind,
        String title,
        String instructions,
        String expected,
        boolean critical,
        boolean customerVisible,
        boolean customerApproval,
        Map<String, String> branches,
        String next) {

    public RunbookStep {
        branches = branches == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(branches));
    }

    /** The same step at another position: a stored definition numbers its steps by their place. */
    public RunbookStep at(int newPosition) {
        return new RunbookStep(newPosition, name, kind, title, instructions, expected, critical, customerVisible,
                customerApproval, branches, next);
    }
}
