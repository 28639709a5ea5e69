package dev.vigil.runbook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How far the recovery has come, as the customer sees it: only the steps the runbook shows them count. A step the
 * customer may see tells them of itself when it becomes done (once verified, if critical); skipped and failed
 * steps do not, since the customer report leaves out what was not done.
 *
 * @param step    the step just done
 * @param done    the steps the customer may see that are done, this one included
 * @param total   the steps the customer may see
 * @param next    the next step the customer may see that is not done; empty when none is left
 */
public record CustomerProgress(ExecutionStep step, int done, int total, Optional<ExecutionStep> next) {

    /** The progress to tell of, one per step that {@code changed} made done, given the steps {@code before}. */
    public static List<CustomerProgress> of(List<ExecutionStep> before, List<ExecutionStep> changed) {
        Map<Integer, ExecutionStep> was = new HashMap<>();
        before.forEach(step -> was.put(step.position(), step));
        Map<Integer, ExecutionStep> now = new HashMap<>(was);
        changed.forEach(step -> now.put(step.position(), step));
        List<ExecutionStep> visible = now.values().stream().filter(step -> step.definition().customerVisible())
                .sorted((a, b) -> Integer.compare(a.position(), b.position())).toList();
        int done = (int) visible.stream().filter(step -> step.status() == StepStatus.DONE).count();
        List<CustomerProgress> progress = new ArrayList<>();
        for (ExecutionStep step : changed) {
            ExecutionStep earlier = was.get(step.position());
            boolean becameDone = step.status() == StepStatus.DONE
                    && (earlier == null || earlier.status() != StepStatus.DONE);
            if (becameDone && step.definition().customerVisible()) {
                Optional<ExecutionStep> next = visible.stream()
                        .filter(later -> later.position() > step.position())
                        .filter(later -> !later.status().finished()).findFirst();
                progress.add(new CustomerProgress(step, done, visible.size(), next));
            }
        }
        return progress;
    }
}
