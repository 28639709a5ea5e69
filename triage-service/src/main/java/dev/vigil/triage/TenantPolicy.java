package dev.vigil.triage;

import dev.vigil.contracts.Severity;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How one tenant's incidents pass the human gate: which severities the policy confirms without a person, how long
 * a person has to decide the others, how long resolved alerts must stay resolved before the incident ends, and
 * whether the customer hears of the recovery.
 *
 * @param version 0 for the defaults, which apply until a supervisor saves the tenant's first policy
 */
public record TenantPolicy(
        int version,
        Set<Severity> autoConfirm,
        Map<Severity, Duration> decisionDeadlines,
        Duration resolveDelay,
        boolean reportRecovery) {

    /**
     * Nothing reaches a customer unless a person confirms it; the more severe, the sooner someone must decide;
     * an incident ends as soon as its alerts resolve.
     */
    public static final TenantPolicy DEFAULT = new TenantPolicy(0, Set.of(), Map.of(
            Severity.CRITICAL, Duration.ofMinutes(10),
            Severity.MAJOR, Duration.ofMinutes(20),
            Severity.MINOR, Duration.ofMinutes(60),
            Severity.WARNING, Duration.ofHours(4)), Duration.ZERO, true);

    public static final Duration SHORTEST_DEADLINE = Duration.ofSeconds(1);
    public static final Duration LONGEST_DEADLINE = Duration.ofDays(7);
    public static final Duration LONGEST_RESOLVE_DELAY = Duration.ofHours(24);

    public TenantPolicy {
        autoConfirm = autoConfirm.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(autoConfirm));
        decisionDeadlines = decisionDeadlines.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(decisionDeadlines));
    }

    public boolean autoConfirms(Severity severity) {
        return autoConfirm.contains(severity);
    }

    /** How long a person has to decide an incident of {@code severity}; empty when it never escalates. */
    public Optional<Duration> deadlineFor(Severity severity) {
        return autoConfirms(severity) ? Optional.empty() : Optional.ofNullable(decisionDeadlines.get(severity));
    }

    public TenantPolicy withVersion(int next) {
        return new TenantPolicy(next, autoConfirm, decisionDeadlines, resolveDelay, reportRecovery);
    }
}
