package dev.vigil.runbook;

import dev.vigil.contracts.IncidentEvent;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which runbooks apply to an incident: a runbook matches when every one of its matchers equals the
 * incident's value for that label. Besides the incident's own labels, the incident's identity is matchable
 * through the virtual labels {@code source}, {@code resource}, {@code check} and {@code severity}.
 */
public final class RunbookMatcher {
    public static final String SOURCE = "source";
    public static final String RESOURCE = "resource";
    public static final String CHECK = "check";
    public static final String SEVERITY = "severity";

    private RunbookMatcher() {
    }

    /**
     * The runbooks, among {@code candidates}, that apply to {@code incident}: those of its tenant that match it, or,
     * when none of its own does, the shared ones that match it. A tenant's own procedure is what was agreed with
     * that customer, so it takes the place of the MSP's general one. Other tenants' runbooks never apply.
     */
    public static List<Runbook> matching(IncidentEvent incident, Collection<Runbook> candidates) {
        Map<String, String> labels = matchableLabels(incident);
        List<Runbook> own = candidates.stream()
                .filter(runbook -> runbook.tenant().equals(incident.tenant()))
                .filter(runbook -> matches(runbook.match(), labels))
                .toList();
        return !own.isEmpty() ? own : candidates.stream()
                .filter(Runbook::shared)
                .filter(runbook -> matches(runbook.match(), labels))
                .toList();
    }

    private static boolean matches(Map<String, String> match, Map<String, String> labels) {
        // a runbook without matchers would open on every incident of the tenant: never what a supervisor meant
        return !match.isEmpty() && match.entrySet().stream()
                .allMatch(matcher -> matcher.getValue().equals(labels.get(matcher.getKey())));
    }

    /**
     * The incident's labels with its identity fields laid over them. The identity fields shadow labels of the
     * same name, so {@code check=http} always means the incident's check, whatever labels a probe attached.
     */
    private static Map<String, String> matchableLabels(IncidentEvent incident) {
        Map<String, String> labels = new HashMap<>(incident.labels());
        shadow(labels, SOURCE, incident.source());
        shadow(labels, RESOURCE, incident.resource());
        shadow(labels, CHECK, incident.check());
        shadow(labels, SEVERITY, incident.severity() == null ? null : incident.severity().wireName());
        return labels;
    }

    private static void shadow(Map<String, String> labels, String name, String value) {
        if (value == null) {
            labels.remove(name);
        } else {
            labels.put(name, value);
        }
    }
}
