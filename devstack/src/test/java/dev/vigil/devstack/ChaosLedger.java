package dev.vigil.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one fault did to the alerts a {@link ChaosLoad} round got accepted: reconciled against triage's
 * occurrence counts, the receiver's webhooks (by {@code webhook-id}) and runbook's executions.
 *
 * @param accepted   alerts ingest answered 202 for
 * @param applied    occurrences triage counted for them
 * @param lost       accepted but not counted (summed per incident)
 * @param duplicates counted more often than accepted, plus incidents announced or opened twice
 * @param incidents  incidents the round opened
 * @param delivered  incidents whose {@code incident.confirmed} webhook arrived (the chaos tenants' policy confirms
 *                   every severity, so each incident reaches the customer once)
 * @param executions incidents with their runbook execution
 * @param parked     records of the round on a DLQ that are not the fault's own poison
 * @param problems   one line per discrepancy, for the failure message
 */
record ChaosLedger(String fault, long accepted, long applied, long lost, long duplicates, long incidents,
        long delivered, long executions, long parked, long refusedTries, List<String> problems) {

    boolean clean() {
        return problems.isEmpty();
    }

    String line() {
        return String.format("%-22s accepted %6d  applied %6d  lost %d  duplicates %d  incidents %d  delivered %d"
                + "  executions %d  bystanders parked %d  retried requests %d", fault, accepted, applied, lost,
                duplicates, incidents, delivered, executions, parked, refusedTries);
    }

    /** Reads what each part of the stack did with the round and compares it with what was accepted. */
    static ChaosLedger reconcile(String fault, Stack stack, ChaosLoad load, String round, Set<String> tenants,
            List<String> parkedValues) {
        Api api = new Api();
        Map<String, Long> accepted = load.accepted();
        Map<String, JsonNode> incidents = new TreeMap<>();
        for (String tenant : tenants) {
            String token = stack.tokens().token("operator", tenant);
            for (JsonNode incident : api.list(stack.layout().serviceUrl(Service.TRIAGE)
                    + "/v1/incidents?status=confirmed", token)) {
                if (incident.path("resource").asText().startsWith(round + "-")) {
                    String key = tenant + "/" + incident.path("resource").asText();
                    if (incidents.put(key, incident) != null) {
                        incidents.put(key + "#twice", incident);
                    }
                }
            }
        }
        List<String> problems = new ArrayList<>();
        long applied = 0;
        long lost = 0;
        long duplicates = 0;
        for (var entry : accepted.entrySet()) {
            JsonNode incident = incidents.get(entry.getKey());
            long counted = incident == null ? 0 : incident.path("occurrences").asLong();
            applied += counted;
            lost += Math.max(0, entry.getValue() - counted);
            duplicates += Math.max(0, counted - entry.getValue());
            if (counted != entry.getValue()) {
                problems.add(entry.getKey() + ": accepted " + entry.getValue() + ", counted " + counted);
            }
        }
        incidents.keySet().stream().filter(k -> k.endsWith("#twice")).forEach(k -> problems.add(k + ": two open"));

        Map<String, Set<String>> openedWebhooks = new TreeMap<>();
        for (JsonNode webhook : api.get(stack.layout().receiverUrl() + "/received", null).body()) {
            if ("incident.confirmed".equals(webhook.path("type").asText())) {
                openedWebhooks.computeIfAbsent(webhook.path("incidentId").asText(), k -> new HashSet<>())
                        .add(webhook.path("webhookId").asText());
            }
        }
        long delivered = 0;
        long executions = 0;
        for (var entry : incidents.entrySet()) {
            String incidentId = entry.getValue().path("id").asText();
            String tenant = entry.getKey().substring(0, entry.getKey().indexOf('/'));
            int webhooks = openedWebhooks.getOrDefault(incidentId, Set.of()).size();
            delivered += webhooks > 0 ? 1 : 0;
            if (webhooks != 1) {
                duplicates += Math.max(0, webhooks - 1);
                problems.add(entry.getKey() + ": " + webhooks + " distinct incident.confirmed webhooks");
            }
            int opened = api.list(stack.layout().serviceUrl(Service.RUNBOOK) + "/v1/executions?incidentId="
                    + incidentId, stack.tokens().token("operator", tenant)).size();
            executions += opened > 0 ? 1 : 0;
            if (opened != 1) {
                duplicates += Math.max(0, opened - 1);
                problems.add(entry.getKey() + ": " + opened + " runbook executions");
            }
        }
        long parked = parkedValues.stream().filter(value -> value.contains(round + "-")).count();
        if (parked > 0) {
            problems.add(parked + " record(s) of the round parked on a DLQ");
        }
        return new ChaosLedger(fault, accepted.values().stream().mapToLong(Long::longValue).sum(), applied, lost,
                duplicates, incidents.size(), delivered, executions, parked, load.refusedTries(), problems);
    }
}
