package dev.vigil.runbook;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One version of a tenant's pre-agreed recovery procedure and the incidents it applies to. Editing a runbook saves
 * a new version; an execution keeps the version it opened with.
 *
 * @param version   1, 2, 3... per runbook
 * @param match     label name to required value; every entry must equal the incident's (see {@link RunbookMatcher})
 * @param steps     in the order operators walk them, positions from 1
 * @param changedBy who saved this version
 * @param changedAt when this version was saved
 * @param createdAt when the runbook's first version was saved
 */
public record Runbook(
        UUID id,
        String tenant,
        int version,
        String name,
        String description,
        Map<String, String> match,
        List<RunbookStep> steps,
        String changedBy,
        Instant changedAt,
        Instant createdAt) {

    /**
     * The tenant column of a runbook shared by every tenant: the MSP's own procedure (for example "disk full on
     * Linux"), applied to an incident of a tenant that has no runbook of its own matching it. No tenant id can be
     * {@code *}, so it never names a real tenant.
     */
    public static final String SHARED = "*";

    public Runbook {
        // sorted so the catalog answers with the same matcher order whatever order the database returns
        match = Collections.unmodifiableMap(new TreeMap<>(match));
        steps = List.copyOf(steps);
    }

    /** Whether {@code other} says the same as this version: saving it again would change nothing. */
    public boolean sameDefinitionAs(Runbook other) {
        return name.equals(other.name) && Objects.equals(description, other.description)
                && match.equals(other.match) && steps.equals(other.steps);
    }

    /** This definition saved as version {@code next} of runbook {@code runbookId}. */
    public Runbook asVersion(UUID runbookId, int next, String by, Instant at, Instant firstCreatedAt) {
        return new Runbook(runbookId, tenant, next, name, description, match, steps, by, at, firstCreatedAt);
    }

    /** Shared by every tenant, rather than one tenant's own. */
    public boolean shared() {
        return SHARED.equals(tenant);
    }
}
