package dev.vigil.notify.api;

import dev.vigil.contracts.Audience;
import dev.vigil.contracts.Severity;
import dev.vigil.notify.MessageKinds;
import dev.vigil.platform.problem.ProblemException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads what an endpoint wants to hear from a request, naming the field of anything it cannot take. */
final class InterestInput {
    private static final String SEVERITIES = Arrays.stream(Severity.values()).map(Severity::wireName)
            .collect(Collectors.joining(", "));

    private InterestInput() {
    }

    /** The kinds given, each one its audience hears; null when not given. */
    static Set<String> kinds(List<String> given, Audience audience) {
        if (given == null) {
            return null;
        }
        List<String> known = MessageKinds.of(audience);
        if (given.isEmpty() || given.stream().anyMatch(kind -> kind == null || !known.contains(kind.strip()))) {
            throw ProblemException.invalid("kinds", "must name one or more of " + String.join(", ", known)
                    + " (what a " + audience.wireName() + " endpoint hears); leave it out for all");
        }
        return given.stream().map(String::strip).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The least severity given; null when not given. */
    static Severity minSeverity(String given) {
        if (given == null) {
            return null;
        }
        return Severity.fromWire(given.strip())
                .orElseThrow(() -> ProblemException.invalid("minSeverity", "must be one of " + SEVERITIES));
    }
}
