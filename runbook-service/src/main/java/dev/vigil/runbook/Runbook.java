package dev.vigil.runbook;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A tenant's pre-agreed recovery procedure and the incidents it applies to.
 *
 * @param match label name to required value; every entry must equal the incident's (see {@link RunbookMatcher})
 * @param steps in the order operators walk them, positions from 1
 */
public record Runbook(
        UUID id,
        String tenant,
        String name,
        String description,
        Map<String, String> match,
        List<RunbookStep> steps,
        Instant createdAt) {

    public Runbook {
        // sorted so the catalog answers with the same matcher order whatever order the database returns
        match = Collections.unmodifiableMap(new TreeMap<>(match));
        steps = List.copyOf(steps);
    }
}
