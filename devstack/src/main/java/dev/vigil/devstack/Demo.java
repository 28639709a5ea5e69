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
 * The demo's two stories, told against the running stack.
 * <ol>
 * <li>A customer's web shop fails: the probe reports it three times, Vigil opens one incident and asks the MSP's
 * operators to decide. An operator confirms it, so the customer hears of it through a signed webhook, and its IT
 * manager by email in Japanese, and the agreed runbook opens. The operator walks its steps and a colleague verifies
 * the critical ones (the operator's own verification is refused). The shop recovers, the incident waits in
 * {@code recovering} until the last step is verified, and the customer hears it is resolved.</li>
 * <li>A one-off blip of the shop's TLS check: the tenant's pending period holds it, it recovers, and nobody is woken
 * or told; the alert's state says why.</li>
 * </ol>
 * Setup is idempotent, so the demo can run again and again.
 */
public final class Demo {
    public static final String TENANT = "demo-shop";
    static final String RUNBOOK = "Restore the web shop";
    static final String OPERATOR = "aiko";
    static final String SECOND_OPERATOR = "kenji";
    static final String NIGHT_SHIFT = "night";
    static final String MORNING_SHIFT = "morning";
    static final String SHOP_FRONT = "shop-front";
    static final String CUSTOMER_NOTE = "Our engineer is restarting the shop's application server.";
    /** The customer's IT manager, who reads Japanese and hears by email. */
    static final String MANAGER_EMAIL = "it-manager@demo-shop.example.com";
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);

    private final Stack stack;
    private final PrintStream out;
    private final Api api = new Api();
    private final DevTokens tokens;
    private final Path stateFile;

    /** What one run of the stories produced, for checks beyond them. */
    public record Outcome(String incidentId, String fingerprint, long occurrences, String confirmedWebhookId,
            String resolvedWebhookId, String executionId, String blipFingerprint) {
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
        String operator = operatorToken();

        out.println();
        out.println("Story 1: the shop fails, a person confirms it, the customer is told, the runbook is followed");
        say("probe: shop-web-01 answers HTTP 503 (critical), reported 3 times");
        String fingerprint = null;
        for (int i = 1; i <= 3; i++) {
            fingerprint = postProbe(state.ingestKey(), "firing");
        }
        String fp = fingerprint;
        JsonNode incident = await("the incident to count 3 occurrences", () -> liveIncident(fp)
                .filter(i -> i.path("occurrences").asLong() >= 3));
        String incidentId = incident.path("id").asText();
        say("triage: incident " + incidentId + " opened, occurrences " + incident.path("occurrences").asLong()
                + " (one incident, not three), status " + incident.path("status").asText() + ", decision due by "
                + incident.path("decision").path("decisionDueAt").asText());
        JsonNode asked = await("the operators' 'awaiting decision' webhook",
                () -> webhook(incidentId, "incident.awaiting-decision"));
        say("notify: the MSP's operators channel reads:");
        quote(asked);
        say("        the customer has heard nothing yet: " + customerWebhooks(incidentId).size() + " webhooks");

        JsonNode confirmed = require(api.post(triageUrl("/v1/incidents/" + incidentId + "/confirm"), operator,
                Json.write(Map.of("customerNote", CUSTOMER_NOTE))), 200, "confirming the incident").body();
        say("operator " + OPERATOR + ": POST /v1/incidents/" + incidentId + "/confirm -> "
                + confirmed.path("status").asText());
        JsonNode toCustomer = await("the signed 'confirmed' webhook", () -> webhook(incidentId, "incident.confirmed"));
        say("notify: webhook incident.confirmed delivered to the customer, signature verified (webhook-id "
                + toCustomer.path("webhookId").asText() + ")");
        say("        the customer reads:");
        quote(toCustomer);
        JsonNode mail = await("the customer's email in Japanese", () -> mail(incidentId, "【障害】"));
        say("notify: email to " + MANAGER_EMAIL + " (language ja, times in Asia/Tokyo), Message-ID "
                + mail.path("messageId").asText() + "; the IT manager reads:");
        quoteMail(mail);

        JsonNode execution = await("the runbook execution", () -> execution(incidentId));
        String executionId = execution.path("id").asText();
        JsonNode detail = api.get(runbookUrl("/v1/executions/" + executionId), operator).body();
        say("runbook: execution of \"" + execution.path("runbookName").asText() + "\" opened with "
                + execution.path("stepCount").asInt() + " steps:");
        for (JsonNode step : detail.path("steps")) {
            out.printf("           %d. %s%s%n", step.path("position").asInt(), step.path("title").asText(),
                    step.path("critical").asBoolean() ? "  (critical: a second person verifies)" : "");
        }
        await("triage to know the execution runs", () -> incident(incidentId)
                .filter(i -> i.path("runningExecutions").asInt() > 0));

        walk(executionId, 1, "start", OPERATOR, null);
        walk(executionId, 1, "complete", OPERATOR, "The shop does not answer from outside the customer's network");
        walk(executionId, 2, "start", OPERATOR, null);
        walk(executionId, 2, "complete", OPERATOR, "Application server restarted at the console");
        Api.Reply ownCheck = require(api.post(stepUrl(executionId, 2, "verify"), operator, "{}"), 409,
                "the four-eyes refusal");
        say("operator " + OPERATOR + ": POST .../steps/2/verify -> 409 \"" + ownCheck.body().path("detail").asText()
                + "\"");
        handOver(operator);
        walk(executionId, 2, "verify", SECOND_OPERATOR, "Application server process is up since the restart");
        say("probe: shop-web-01 answers HTTP 200 again");
        postProbe(state.ingestKey(), "resolved");
        await("the incident to wait for the runbook", () -> incident(incidentId)
                .filter(i -> "recovering".equals(i.path("status").asText())));
        say("triage: incident " + incidentId + " is recovering: its alert is resolved, the runbook is still open");
        JsonNode progress = await("the 'progress' webhook", () -> webhook(incidentId, "incident.progress"));
        say("notify: webhook incident.progress delivered; the customer reads:");
        quote(progress);
        walk(executionId, 3, "start", OPERATOR, null);
        walk(executionId, 3, "complete", OPERATOR, "Homepage answers 200 in 180 ms; customer told by phone");
        JsonNode completed = walk(executionId, 3, "verify", SECOND_OPERATOR, "Checked the homepage from outside too");
        say("runbook: every step done, the critical ones verified by " + SECOND_OPERATOR + ": execution "
                + completed.path("status").asText());
        JsonNode recovered = await("the incident to resolve", () -> incident(incidentId)
                .filter(i -> "resolved".equals(i.path("status").asText())));
        say("triage: incident " + incidentId + " resolved after " + recovered.path("occurrences").asLong()
                + " occurrences");
        JsonNode resolved = await("the signed 'resolved' webhook", () -> webhook(incidentId, "incident.resolved"));
        say("notify: webhook incident.resolved delivered, signature verified (webhook-id "
                + resolved.path("webhookId").asText() + ")");
        say("        the customer reads:");
        quote(resolved);
        printTimeline(incidentId, operator);

        out.println();
        out.println("Story 2: a one-off blip: the pending period holds it, nobody is woken");
        String blip = blipHeld(state.ingestKey(), operator);

        checkNothingDuplicated(incidentId, blip, operator);
        out.printf("%nThe stories took %.1f s. Resident memory (MiB): %s%n", (System.nanoTime() - started) / 1e9,
                stack.residentMiB());
        return new Outcome(incidentId, fingerprint, recovered.path("occurrences").asLong(),
                toCustomer.path("webhookId").asText(), resolved.path("webhookId").asText(), executionId, blip);
    }

    /**
     * The night shift ends with the critical step unverified: its operator writes the handover, which lists
     * everything open, and the morning shift's operator takes the verification over.
     */
    private void handOver(String operator) {
        JsonNode handover = require(api.post(runbookUrl("/v1/handovers"), operator, Json.write(Map.of(
                "shift", NIGHT_SHIFT, "nextShift", MORNING_SHIFT, "notes", List.of(Map.of("text",
                        "The IT manager reads Japanese email; call before any further restart."))))), 201,
                "writing the handover").body();
        say("operator " + OPERATOR + " (" + NIGHT_SHIFT + " shift): POST /v1/handovers -> " + handover.path("items")
                .size() + " items for the " + MORNING_SHIFT + " shift, acknowledge by "
                + handover.path("acknowledgeBy").asText() + ":");
        int verification = 0;
        for (JsonNode item : handover.path("items")) {
            out.printf("           %d. [%s] %s%n", item.path("number").asInt(), item.path("kind").asText(),
                    item.path("title").asText());
            if (item.hasNonNull("detail")) {
                out.printf("              %s%n", item.path("detail").asText());
            }
            if ("verification".equals(item.path("kind").asText())) {
                verification = item.path("number").asInt();
            }
        }
        String kenji = tokens.token("operator", TENANT, SECOND_OPERATOR, Duration.ofHours(1));
        require(api.post(runbookUrl("/v1/handovers/" + handover.path("id").asText() + "/items/" + verification
                + "/acknowledge"), kenji, "{\"note\":\"Verifying the restart now\"}"), 200,
                "taking the verification over");
        say("operator " + SECOND_OPERATOR + " (" + MORNING_SHIFT + " shift): acknowledged item " + verification
                + ", the step waiting for a second person");
    }

    /** A mail as its reader sees it, up to the technical details. */
    private void quoteMail(JsonNode mail) {
        out.println("           | " + mail.path("subject").asText());
        out.println("           |");
        // mail travels with CRLF line ends
        String text = mail.path("text").asText().replace("\r\n", "\n");
        int details = text.indexOf("\n-- ");
        String body = text.substring(text.indexOf("\n\n") + 2, details < 0 ? text.length() : details).strip();
        for (String line : body.split("\n")) {
            out.println(("           | " + line).stripTrailing());
        }
    }

    /** A message as its reader sees it: the subject, then the body, indented under the demo's lines. */
    private void quote(JsonNode webhook) {
        out.println("           | " + webhook.path("subject").asText());
        out.println("           |");
        for (String line : webhook.path("message").asText().split("\n")) {
            out.println(("           | " + line).stripTrailing());
        }
    }

    private String blipHeld(String ingestKey, String operator) {
        say("probe: shop-web-01's TLS check times out once (major)");
        String fingerprint = postResult(ingestKey, blipJson("firing"));
        JsonNode held = await("triage to hold the blip", () -> alertState(fingerprint, operator)
                .filter(a -> "firing".equals(a.path("status").asText())));
        say("triage: alert " + fingerprint + " held (" + held.path("reason").asText() + " \""
                + held.path("reasonRef").asText() + "\"): it must keep failing for 5 minutes before anyone is asked");
        postResult(ingestKey, blipJson("resolved"));
        JsonNode recovered = await("the blip to resolve", () -> alertState(fingerprint, operator)
                .filter(a -> "resolved".equals(a.path("status").asText())));
        say("probe: the TLS check answers again; GET /v1/alert-states?fingerprint=" + fingerprint + " -> "
                + recovered.path("status").asText() + ", held for " + recovered.path("reason").asText()
                + ", incident " + (recovered.path("incidentId").isNull() ? "none" : recovered.path("incidentId")));
        return fingerprint;
    }

    private Optional<JsonNode> alertState(String fingerprint, String operator) {
        return api.list(triageUrl("/v1/alert-states?fingerprint=" + fingerprint), operator).stream().findFirst();
    }

    private void printTimeline(String incidentId, String operator) {
        List<JsonNode> lines = api.list(triageUrl("/v1/incidents/" + incidentId + "/timeline"), operator);
        say("timeline of incident " + incidentId + ":");
        for (int i = lines.size() - 1; i >= 0; i--) {
            JsonNode line = lines.get(i);
            out.printf("           %s  %-22s %-9s %s%n", line.path("at").asText(), line.path("kind").asText(),
                    line.path("actor").asText(), line.path("note").isNull() ? "" : line.path("note").asText());
        }
    }

    /** However often the demo ran: one tenant, two endpoints, one runbook, and one webhook per message. */
    private void checkNothingDuplicated(String incidentId, String blip, String operator) {
        long tenants = api.list(ingestUrl("/v1/tenants"), tokens.adminToken()).stream()
                .filter(t -> TENANT.equals(t.path("id").asText())).count();
        long endpoints = api.list(notifyUrl("/v1/endpoints"), tokens.token("supervisor", TENANT)).size();
        long mails = mails(incidentId).size();
        long runbooks = api.list(runbookUrl("/v1/runbooks"), tokens.token("supervisor", TENANT)).stream()
                .filter(r -> RUNBOOK.equals(r.path("name").asText())).count();
        List<String> webhooks = webhooks(incidentId).stream().map(w -> w.path("type").asText()).toList();
        boolean blipOpenedNothing = api.list(triageUrl("/v1/incidents"), operator).stream()
                .noneMatch(i -> blip.equals(i.path("fingerprint").asText()));
        say(String.format("check: %d tenant, %d endpoints (customer webhook and email, operators), %d runbook;"
                + " webhooks for the failure: %s; emails: %d; incidents for the blip: %s", tenants, endpoints,
                runbooks, webhooks, mails, blipOpenedNothing ? "none" : "some"));
        if (tenants != 1 || endpoints != 3 || runbooks != 1 || mails != 3
                || !webhooks.equals(List.of("incident.awaiting-decision", "incident.confirmed", "incident.progress",
                        "incident.resolved"))
                || !blipOpenedNothing) {
            throw new StackException("something was duplicated, lost or told to the customer; see the check above");
        }
    }

    /** Posts the demo's probe result, firing or resolved; returns its fingerprint. */
    public String postProbe(String ingestKey, String status) {
        return postResult(ingestKey, probeJson(status));
    }

    private String postResult(String ingestKey, String json) {
        Api.Reply reply = api.post(ingestUrl("/v1/alerts"), ingestKey, json);
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

    private String blipJson(String status) {
        return Json.write(Map.of("source", "demo-probe", "resource", "shop-web-01", "check", "tls",
                "severity", "major", "status", status, "summary", "TLS handshake timed out",
                "labels", Map.of("env", "prod", "service", "web-shop")));
    }

    /** The night-shift operator who decides in the demo. */
    private String operatorToken() {
        return tokens.token("operator", TENANT, OPERATOR, Duration.ofHours(1));
    }

    /**
     * One step move of the execution by operator {@code who} of the night shift, told as it is made; returns the
     * execution after it.
     */
    private JsonNode walk(String executionId, int step, String move, String who, String note) {
        String body = note == null ? "{}" : Json.write(Map.of("note", note));
        String token = tokens.token("operator", TENANT, who, Duration.ofHours(1));
        JsonNode execution = require(api.post(stepUrl(executionId, step, move), token, body), 200,
                move + " of step " + step).body();
        JsonNode moved = execution.path("steps").get(step - 1);
        say("operator " + who + ": step " + step + " " + move + " -> " + moved.path("status").asText()
                + (note == null ? "" : " (\"" + note + "\")"));
        return execution;
    }

    private String stepUrl(String executionId, int step, String move) {
        return runbookUrl("/v1/executions/" + executionId + "/steps/" + step + "/" + move);
    }

    /** Webhooks for one incident that reached the customer's endpoint. */
    private List<JsonNode> customerWebhooks(String incidentId) {
        return webhooks(incidentId).stream()
                .filter(w -> w.path("path").asText().equals("/webhooks/" + TENANT)).toList();
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
        String operatorsUrl = stack.layout().receiverUrl() + "/webhooks/" + TENANT + "-operators";
        boolean hasOperatorsEndpoint = api.list(notifyUrl("/v1/endpoints?audience=operators"), supervisor).stream()
                .anyMatch(e -> operatorsUrl.equals(e.path("url").asText()));
        if (!hasOperatorsEndpoint || state.operatorsEndpointSecret() == null) {
            Api.Reply created = api.post(notifyUrl("/v1/endpoints"), supervisor, Json.write(Map.of("url", operatorsUrl,
                    "audience", "operators", "description", "The MSP's night-shift channel for Demo Shop")));
            require(created, 201, "registering the MSP operators' endpoint");
            state = state.withOperatorsEndpoint(created.body().path("secret").asText());
            say("setup: the MSP operators' channel " + operatorsUrl + " registered (audience operators)");
        } else {
            say("setup: the MSP operators' channel already registered");
        }
        trustSecret(state.operatorsEndpointSecret());

        String mailto = "mailto:" + MANAGER_EMAIL;
        boolean hasEmailEndpoint = api.list(notifyUrl("/v1/endpoints"), customer).stream()
                .anyMatch(e -> mailto.equals(e.path("url").asText()));
        if (!hasEmailEndpoint) {
            require(api.post(notifyUrl("/v1/endpoints"), customer, Json.write(Map.of("channel", "email",
                    "url", mailto, "language", "ja", "timeZone", "Asia/Tokyo",
                    "description", "Demo Shop's IT manager"))), 201, "registering the customer's email endpoint");
            say("setup: customer email endpoint " + mailto + " registered (in Japanese, times in Asia/Tokyo)");
        } else {
            say("setup: customer email endpoint " + mailto + " already registered");
        }

        requirePersonToDecide(supervisor);
        raiseTheShopFrontAfterThreeFailures(supervisor);

        defineShifts(supervisor);
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

    /** The MSP's two shifts in Tokyo: aiko works nights, kenji mornings. Shifts the stack has already are kept. */
    private void defineShifts(String supervisor) {
        List<String> defined = api.list(runbookUrl("/v1/shifts"), supervisor).stream()
                .map(shift -> shift.path("name").asText()).toList();
        for (Map<String, Object> shift : List.of(
                Map.<String, Object>of("name", NIGHT_SHIFT, "timeZone", "Asia/Tokyo", "starts", "20:30",
                        "ends", "08:30", "members", List.of(OPERATOR)),
                Map.<String, Object>of("name", MORNING_SHIFT, "timeZone", "Asia/Tokyo", "starts", "08:30",
                        "ends", "20:30", "members", List.of(SECOND_OPERATOR)))) {
            if (!defined.contains(shift.get("name"))) {
                require(api.post(runbookUrl("/v1/shifts"), supervisor, Json.write(shift)), 201, "defining a shift");
                say("setup: shift " + shift.get("name") + " " + shift.get("starts") + "-" + shift.get("ends")
                        + " Asia/Tokyo, " + shift.get("members"));
            }
        }
    }

    /**
     * The stories need a person to decide: if the tenant's policy was changed to confirm some severity without one
     * (as README's example does), the defaults are saved again, as a new version.
     */
    private void requirePersonToDecide(String supervisor) {
        Api.Reply policy = require(api.get(triageUrl("/v1/policies/" + TENANT), supervisor), 200,
                "reading the tenant's policy");
        if (policy.body().path("autoConfirm").isEmpty()) {
            say("setup: the tenant's policy (version " + policy.body().path("version").asInt()
                    + ") leaves every decision to a person");
            return;
        }
        Api.Reply saved = require(api.put(triageUrl("/v1/policies/" + TENANT), supervisor, "{}"), 200,
                "restoring the default policy");
        say("setup: the tenant's policy confirmed " + policy.body().path("autoConfirm") + " without a person;"
                + " the defaults are saved again as version " + saved.body().path("version").asInt());
    }

    /**
     * The shop front matters more than the default pending period (an alert must keep failing for 5 minutes): the
     * tenant's rules raise its HTTP check after 3 failures within 5 minutes; every other check keeps the default.
     */
    private void raiseTheShopFrontAfterThreeFailures(String supervisor) {
        Api.Reply rules = require(api.get(triageUrl("/v1/rules/" + TENANT), supervisor), 200, "reading the rules");
        boolean saved = rules.body().path("rules").path("thresholds").findValuesAsText("name").contains(SHOP_FRONT);
        if (saved) {
            say("setup: the tenant's rules (version " + rules.body().path("version").asInt() + ") raise the shop"
                    + " front after 3 failures within 5 minutes");
            return;
        }
        String body = Json.write(Map.of("thresholds", List.of(
                Map.of("name", SHOP_FRONT, "matchers", List.of(Map.of("label", "check", "op", "=", "value", "http")),
                        "occurrences", 3, "within", "PT5M"),
                Map.of("name", "pending-period", "firingFor", "PT5M"))));
        Api.Reply put = require(api.put(triageUrl("/v1/rules/" + TENANT), supervisor, body,
                Map.of("If-Match", "\"" + rules.body().path("version").asInt() + "\"")), 200, "saving the rules");
        say("setup: the tenant's rules (version " + put.body().path("version").asInt() + ") raise the shop front after"
                + " 3 failures within 5 minutes; everything else after 5 minutes of failing");
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

    /** The fingerprint's incident that is not resolved yet, whatever was decided about it. */
    private Optional<JsonNode> liveIncident(String fingerprint) {
        return api.list(triageUrl("/v1/incidents"), tokens.token("operator", TENANT)).stream()
                .filter(i -> fingerprint.equals(i.path("fingerprint").asText())
                        && !"resolved".equals(i.path("status").asText())).findFirst();
    }

    private Optional<JsonNode> incident(String id) {
        Api.Reply reply = api.get(triageUrl("/v1/incidents/" + id), tokens.token("operator", TENANT));
        return reply.ok() ? Optional.of(reply.body()) : Optional.empty();
    }

    /** The mails the stack's SMTP relay took for one incident (its id is in each mail's details). */
    public List<JsonNode> mails(String incidentId) {
        List<JsonNode> found = new ArrayList<>();
        api.get(stack.layout().receiverUrl() + "/received-mail", null).body().forEach(mail -> {
            if (mail.path("text").asText().contains(incidentId)) {
                found.add(mail);
            }
        });
        return found;
    }

    private Optional<JsonNode> mail(String incidentId, String subjectStart) {
        return mails(incidentId).stream().filter(m -> m.path("subject").asText().startsWith(subjectStart))
                .findFirst();
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

    private static Api.Reply require(Api.Reply reply, int status, String what) {
        if (reply.status() != status) {
            throw new StackException(what + " failed: " + reply.status() + " " + reply.body());
        }
        return reply;
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
