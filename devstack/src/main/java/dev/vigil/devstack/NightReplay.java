package dev.vigil.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.contracts.Json;
import dev.vigil.devstack.night.MaintenanceWindow;
import dev.vigil.devstack.night.Night;
import dev.vigil.devstack.night.NightAlert;
import dev.vigil.devstack.night.NightIncident;
import dev.vigil.devstack.night.NightScore;
import dev.vigil.devstack.night.NoisyNight;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replays a {@link NoisyNight} against the running stack and scores what triage made of it: registers the night's
 * tenants, declares their maintenance windows, posts their alerts in time order at {@code speed} times real time (observedAt as generated), waits
 * until triage's incidents stop changing, reads them through triage's API and prints {@link NightScore#table}.
 * Each run gets tenants of its own, {@code night-<seed>-r<run>-<n>}, run one past the highest registered, so a
 * rerun of a seed never counts an earlier run's incidents.
 */
final class NightReplay {
    private static final Duration TICK = Duration.ofMillis(200);
    private static final Duration QUIET = Duration.ofSeconds(5);
    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(5);
    private static final int MAX_BATCH = 1000;

    private final Stack stack;
    private final PrintStream out;
    private final Api api = new Api();
    private final IngestTenants ingestTenants;

    NightReplay(Stack stack, PrintStream out) {
        this.stack = stack;
        this.out = out;
        this.ingestTenants = new IngestTenants(stack);
    }

    NightScore run(long seed, int customers, double speed) {
        String prefix = "night-" + seed + "-r" + nextRun(seed) + "-";
        Night night = NoisyNight.generate(seed, customers, prefix);
        out.printf("night %d: %d customers (%s1..%d), %d alerts over %d h from %s, episodes %s%n", seed, customers,
                prefix, customers, night.alerts().size(), night.length().toHours(), night.start(), night.episodes());
        Map<String, String> keys = new LinkedHashMap<>();
        for (String tenant : night.tenants()) {
            keys.put(tenant, ingestTenants.keyFor(tenant, "Noisy night " + tenant, "night"));
        }
        long declared = night.windows().stream().filter(window -> !window.hosts().isEmpty())
                .peek(this::declare).count();
        out.printf("declared %d customers' maintenance windows for the hosts they patch%n", declared);
        replay(night, keys, speed);
        List<NightIncident> incidents = settledIncidents(night.tenants());
        NightScore score = NightScore.score(night.alerts(), incidents);
        out.println();
        score.table().forEach(out::println);
        return score;
    }

    /** Posts the alerts in time order, each when its time comes at {@code speed}x, a batch per tenant per tick. */
    private void replay(Night night, Map<String, String> keys, double speed) {
        String url = stack.layout().serviceUrl(Service.INGEST) + "/v1/alerts";
        List<NightAlert> alerts = night.alerts();
        long started = System.nanoTime();
        out.printf("replaying at %.0fx: %d h of night in about %.0f s%n", speed, night.length().toHours(),
                night.length().toMillis() / speed / 1000);
        int next = 0;
        long maxLagMillis = 0;
        while (next < alerts.size()) {
            long wallMillis = (System.nanoTime() - started) / 1_000_000;
            Instant due = night.start().plusMillis((long) (wallMillis * speed));
            Map<String, List<Map<String, Object>>> batches = new LinkedHashMap<>();
            while (next < alerts.size() && !alerts.get(next).observedAt().isAfter(due)) {
                NightAlert alert = alerts.get(next++);
                batches.computeIfAbsent(alert.tenant(), t -> new ArrayList<>()).add(alert.json());
            }
            batches.forEach((tenant, batch) -> post(url, keys.get(tenant), batch));
            long behind = (System.nanoTime() - started) / 1_000_000 - wallMillis;
            maxLagMillis = Math.max(maxLagMillis, behind);
            sleep(TICK.toMillis());
        }
        out.printf("posted %d alerts in %.1f s (slowest tick %d ms)%n", alerts.size(),
                (System.nanoTime() - started) / 1e9, maxLagMillis);
    }

    private void post(String url, String key, List<Map<String, Object>> batch) {
        for (int from = 0; from < batch.size(); from += MAX_BATCH) {
            List<Map<String, Object>> part = batch.subList(from, Math.min(batch.size(), from + MAX_BATCH));
            Api.Reply reply = api.post(url, key, Json.write(part));
            if (reply.status() != 202) {
                throw new StackException("ingest refused a batch of the night: " + reply.status() + " "
                        + reply.body());
            }
        }
    }

    /** The tenants' incidents once their number and occurrences stayed the same for {@link #QUIET}. */
    private List<NightIncident> settledIncidents(List<String> tenants) {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        String last = "";
        long quietSince = System.nanoTime();
        while (true) {
            List<NightIncident> incidents = incidents(tenants);
            String signature = incidents.size() + "/"
                    + incidents.stream().mapToLong(NightIncident::occurrences).sum();
            if (!signature.equals(last)) {
                last = signature;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince >= QUIET.toNanos()) {
                out.printf("triage settled: %d incidents, %s occurrences%n", incidents.size(),
                        signature.substring(signature.indexOf('/') + 1));
                return incidents;
            }
            if (System.nanoTime() > deadline) {
                throw new StackException("triage's incidents kept changing for " + SETTLE_TIMEOUT.toMinutes()
                        + " min; see ./vigil logs triage");
            }
            sleep(1000);
        }
    }

    private List<NightIncident> incidents(List<String> tenants) {
        String url = stack.layout().serviceUrl(Service.TRIAGE) + "/v1/incidents";
        List<NightIncident> incidents = new ArrayList<>();
        for (String tenant : tenants) {
            String operator = stack.tokens().token("operator", tenant);
            for (JsonNode i : api.list(url + "?tenant=" + tenant, operator)) {
                Set<String> held = new HashSet<>();
                for (JsonNode alert : api.list(url + "/" + i.path("id").asText() + "/alerts", operator)) {
                    held.add(NightIncident.key(tenant, alert.path("resource").asText(), alert.path("check").asText()));
                }
                incidents.add(new NightIncident(i.path("tenant").asText(), i.path("fingerprint").asText(),
                        i.path("severity").asText(), i.path("status").asText(), i.path("occurrences").asLong(),
                        held));
            }
        }
        return incidents;
    }

    /** One past the highest run of this seed among the registered tenants. */
    private int nextRun(long seed) {
        Pattern run = Pattern.compile("night-" + seed + "-r(\\d+)-\\d+");
        int highest = 0;
        for (JsonNode tenant : api.list(stack.layout().serviceUrl(Service.INGEST) + "/v1/tenants",
                stack.tokens().adminToken())) {
            Matcher m = run.matcher(tenant.path("id").asText());
            if (m.matches()) {
                highest = Math.max(highest, Integer.parseInt(m.group(1)));
            }
        }
        return highest + 1;
    }

    /** The customer's weekly window, through triage's API, for the hosts it patches this week. */
    private void declare(MaintenanceWindow window) {
        String supervisor = stack.tokens().token("supervisor", window.tenant());
        Map<String, Object> body = Map.of("tenant", window.tenant(), "name", "Sunday patching",
                "timeZone", window.zone(), "comment", "OS updates and reboots",
                "matchers", List.of(Map.of("label", "resource", "op", "=~",
                        "value", String.join("|", window.hosts()))),
                "recurrence", Map.of("days", List.of(MaintenanceWindow.DAY), "start", MaintenanceWindow.START,
                        "end", MaintenanceWindow.END));
        Api.Reply reply = api.post(stack.layout().serviceUrl(Service.TRIAGE) + "/v1/maintenance-windows", supervisor,
                Json.write(body));
        if (reply.status() != 201) {
            throw new StackException("triage refused " + window.tenant() + "'s maintenance window: " + reply.status()
                    + " " + reply.body());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted");
        }
    }
}
