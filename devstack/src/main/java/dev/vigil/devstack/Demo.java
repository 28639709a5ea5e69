package dev.vigil.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.contracts.Json;
import dev.vigil.testsupport.DevTokens;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The demo story, told against the running stack: a customer's web shop fails, the probe reports it three
 * times, Vigil opens one incident, tells the customer through a signed webhook, opens the agreed runbook, and
 * tells the customer again when the shop recovers. Setup is idempotent, so the demo can run again and again.
 */
public final class Demo {
    public static final String TENANT = "demo-shop";
    static final String RUNBOOK = "Restore the web shop";
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);

    private final Stack stack;
    private final PrintStream out;
    private final Api api = new Api();
    private final DevTokens tokens;
    private final Path stateFile;

    /** What one run of the story produced, for checks beyond it. */
    public record Outcome(String incidentId, String fingerprint, long occurrences, String openedWebhookId,
            String resolvedWebhookId, String executionId) {
    }

    public Demo(Stack stack, PrintStream out) {
        this.stack = stack;
        this.out = out;
        this.tokens = stack.tokens();
        this.stateFile = stack.layout().home().resolve("demo.json");
    }

    public Outcome run() {
        long started = System.nanoTime();
        out.println();
        out.println("Vigil demo: customer '" + TENANT + "', whose web shop is watched by an HTTP probe");
        DemoState state = setUp(DemoState.load(stateFile));
        state.save(stateFile);

        say("probe: shop-web-01 answers HTTP 503 (critical), reported 3 times");
        String fingerprint = null;
        for (int i = 1; i <= 3; i++) {
            fingerprint = postProbe(state.ingestKey(), "firing");
        }
        String fp = fingerprint;
        JsonNode incident = await("the incident to count 3 occurrences", () -> openIncident(fp)
                .filter(i -> i.path("occurrences").asLong() >= 3));
        String incidentId = incident.path("id").asText();
        say("triage: incident " + incidentId + " opened, occurrences " + incident.path("occurrences").asLong()
                + " (one incident, not three)");

        JsonNode opened = await("the signed 'opened' webhook", () -> webhook(incidentId, "incident.opened"));
        say("notify: webhook incident.opened delivered to the customer, signature verified (webhook-id "
                + opened.path("webhookId").asText() + ")");
        say("        the customer reads: \"" + opened.path("message").asText() + "\"");

        JsonNode execution = await("the runbook execution", () -> execution(incidentId));
        JsonNode detail = api.get(runbookUrl("/v1/executions/" + execution.path("id").asText()),
                tokens.token("operator", TENANT)).body();
        say("runbook: execution of \"" + execution.path("runbookName").asText() + "\" opened with "
                + execution.path("stepCount").asInt() + " steps:");
        for (JsonNode step : detail.path("steps")) {
            out.printf("           %d. %s%s%n", step.path("position").asInt(), step.path("title").asText(),
                    step.path("critical").asBoolean() ? "  (critical: a second person verifies)" : "");
        }

        say("probe: shop-web-01 answers HTTP 200 again");
        postProbe(state.ingestKey(), "resolved");
        JsonNode recovered = await("the incident to resolve", () -> incident(incidentId)
                .filter(i -> "resolved".equals(i.path("status").asText())));
        say("triage: incident " + incidentId + " resolved after " + recovered.path("occurrences").asLong()
                + " occurrences");
        JsonNode resolved = await("the signed 'resolved' webhook", () -> webhook(incidentId, "incident.resolved"));
        say("notify: webhook incident.resolved delivered, signature verified (webhook-id "
                + resolved.path("webhookId").asText() + ")");
        say("        the customer reads: \"" + resolved.path("message").asText() + "\"");

        checkNothingDuplicated(incidentId);
        out.printf("%nThe story took %.1f s. Resident memory (MiB): %s%n", (System.nanoTime() - started) / 1e9,
                stack.residentMiB());
        return new Outcome(incidentId, fingerprint, recovered.path("occurrences").asLong(),
                opened.path("webhookId").asText(), resolved.path("webhookId").asText(), execution.path("id").asText());
    }

    /** However often the demo ran: one tenant, one endpoint, one runbook, and one webhook per change of this incident. */
    private void checkNothingDuplicated(String incidentId) {
        long tenants = api.list(ingestUrl("/v1/tenants"), tokens.adminToken()).stream()
                .filter(t -> TENANT.equals(t.path("id").asText())).count();
        long endpoints = api.list(notifyUrl("/v1/endpoints"), tokens.token("customer", TENANT)).size();
        long runbooks = api.list(runbookUrl("/v1/runbooks"), tokens.token("supervisor", TENANT)).stream()
                .filter(r -> RUNBOOK.equals(r.path("name").asText())).count();
        List<String> webhooks = webhooks(incidentId).stream().map(w -> w.path("type").asText()).toList();
        long incidents = api.list(triageUrl("/v1/incidents"), tokens.token("operator", TENANT)).size();
        say(String.format("check: %d tenant, %d webhook endpoint, %d runbook; webhooks for this incident: %s;"
                + " %d incident(s) so far, one per run (a recurrence after recovery is a new incident)",
                tenants, endpoints, runbooks, webhooks, incidents));
        if (tenants != 1 || endpoints != 1 || runbooks != 1
                || !webhooks.equals(List.of("incident.opened", "incident.resolved"))) {
            throw new StackException("something was duplicated or lost; see the check above");
        }
    }

    /** Posts the demo's probe result; returns its fingerprint. */
    public String postProbe(String ingestKey, String status) {
        Api.Reply reply = api.post(ingestUrl("/v1/alerts"), ingestKey, probeJson(status));
        if (reply.status() != 202) {
            throw new StackException("ingest refused the probe result: " + reply.status() + " " + reply.body());
        }
        return reply.body().path("alerts").path(0).path("fingerprint").asText();
    }

    /** The demo probe's result for the shop front: firing or resolved. */
    public String probeJson(String status) {
        return Json.write(Map.of("source", "demo-probe", "resource", "shop-web-01", "check", "http",
                "severity", "critical", "status", status, "summary", "Shop homepage answers HTTP 503",
                "labels", Map.of("env", "prod", "service", "web-shop")));
    }

    public String ingestKey() {
        return DemoState.load(stateFile).ingestKey();
    }

    /** All webhooks the receiver got for one incident. */
    public List<JsonNode> webhooks(String incidentId) {
        List<JsonNode> found = new ArrayList<>();
        api.get(stack.layout().receiverUrl() + "/received", null).body()
                .forEach(w -> {
                    if (incidentId.equals(w.path("incidentId").asText())) {
                        found.add(w);
                    }
                });
        return found;
    }

    private DemoState setUp(DemoState state) {
        String admin = tokens.adminToken();
        Api.Reply tenant = api.post(ingestUrl("/v1/tenants"), admin,
                Json.write(Map.of("id", TENANT, "name", "Demo Shop Ltd.")));
        if (tenant.status() == 201) {
            say("setup: tenant " + TENANT + " registered");
        } else if (tenant.status() == 409) {
            say("setup: tenant " + TENANT + " already registered");
        } else {
            throw new StackException("registering the tenant failed: " + tenant.status() + " " + tenant.body());
        }

        if (state.ingestKey() == null || !keyWorks(state.ingestKey())) {
            Api.Reply key = api.post(ingestUrl("/v1/tenants/" + TENANT + "/ingest-keys"), admin,
                    Json.write(Map.of("name", "demo-probe")));
            require(key, 201, "issuing an ingest key");
            state = state.withIngestKey(key.body().path("key").asText());
            say("setup: ingest key issued for the probe (shown once, kept in " + stateFile + ")");
        } else {
            say("setup: reusing the probe's ingest key");
        }

        String customer = tokens.token("customer", TENANT);
        String url = stack.layout().receiverUrl() + "/webhooks/" + TENANT;
        Optional<JsonNode> endpoint = api.list(notifyUrl("/v1/endpoints"), customer).stream()
                .filter(e -> url.equals(e.path("url").asText())).findFirst();
        if (endpoint.isEmpty() || state.endpointSecret() == null) {
            Api.Reply created = api.post(notifyUrl("/v1/endpoints"), customer,
                    Json.write(Map.of("url", url, "description", "Demo Shop's ticket system")));
            require(created, 201, "registering the customer's webhook endpoint");
            state = state.withEndpoint(created.body().path("id").asText(), created.body().path("secret").asText());
            say("setup: customer webhook endpoint " + url + " registered");
        } else {
            say("setup: customer webhook endpoint " + url + " already registered");
        }
        trustSecret(state.endpointSecret());

        String supervisor = tokens.token("supervisor", TENANT);
        boolean hasRunbook = api.list(runbookUrl("/v1/runbooks"), supervisor).stream()
                .anyMatch(r -> RUNBOOK.equals(r.path("name").asText()));
        if (!hasRunbook) {
            Api.Reply created = api.post(runbookUrl("/v1/runbooks"), supervisor, Json.write(Map.of(
                    "name", RUNBOOK,
                    "description", "Agreed with Demo Shop Ltd. for outages of the shop front",
                    "match", Map.of("service", "web-shop", "check", "http"),
                    "steps", List.of(
                            Map.of("title", "Confirm the outage from outside the customer's network", "critical", false),
                            Map.of("title", "Restart the shop's application server", "critical", true),
                            Map.of("title", "Check the homepage answers 200 and tell the customer", "critical", true)))));
            require(created, 201, "registering the runbook");
            say("setup: runbook \"" + RUNBOOK + "\" added to the customer's catalog");
        } else {
            say("setup: runbook \"" + RUNBOOK + "\" already in the catalog");
        }
        return state;
    }

    private boolean keyWorks(String key) {
        // an empty array is refused with 400 after the key was accepted, 401 before: a check that stores nothing
        return api.post(ingestUrl("/v1/alerts"), key, "[]").status() == 400;
    }

    private void trustSecret(String secret) {
        Path secrets = WebhookReceiver.secretsFile(stack.layout());
        try {
            List<String> known = Files.exists(secrets) ? Files.readAllLines(secrets) : List.of();
            if (!known.contains(secret)) {
                Files.writeString(secrets, secret + System.lineSeparator(), StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<JsonNode> openIncident(String fingerprint) {
        return api.list(triageUrl("/v1/incidents?status=open"), tokens.token("operator", TENANT)).stream()
                .filter(i -> fingerprint.equals(i.path("fingerprint").asText())).findFirst();
    }

    private Optional<JsonNode> incident(String id) {
        Api.Reply reply = api.get(triageUrl("/v1/incidents/" + id), tokens.token("operator", TENANT));
        return reply.ok() ? Optional.of(reply.body()) : Optional.empty();
    }

    private Optional<JsonNode> webhook(String incidentId, String type) {
        return webhooks(incidentId).stream()
                .filter(w -> type.equals(w.path("type").asText()) && w.path("verified").asBoolean()).findFirst();
    }

    private Optional<JsonNode> execution(String incidentId) {
        return api.list(runbookUrl("/v1/executions?incidentId=" + incidentId), tokens.token("operator", TENANT))
                .stream().findFirst();
    }

    private <T> T await(String what, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("interrupted");
            }
        }
        throw new StackException("timed out after " + STEP_TIMEOUT.toSeconds() + " s waiting for " + what
                + "; see ./vigil logs");
    }

    private void say(String line) {
        out.println(LocalTime.now().truncatedTo(ChronoUnit.MILLIS) + "  " + line);
    }

    private static void require(Api.Reply reply, int status, String what) {
        if (reply.status() != status) {
            throw new StackException(what + " failed: " + reply.status() + " " + reply.body());
        }
    }

    private String ingestUrl(String path) {
        return stack.layout().serviceUrl(Service.INGEST) + path;
    }

    private String triageUrl(String path) {
        return stack.layout().serviceUrl(Service.TRIAGE) + path;
    }

    private String notifyUrl(String path) {
        return stack.layout().serviceUrl(Service.NOTIFY) + path;
    }

    private String runbookUrl(String path) {
        return stack.layout().serviceUrl(Service.RUNBOOK) + path;
    }
}
