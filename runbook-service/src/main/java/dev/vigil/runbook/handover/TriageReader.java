package dev.vigil.runbook.handover;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.contracts.Json;
import dev.vigil.platform.problem.ProblemException;
import dev.vigil.platform.problem.ProblemType;
import dev.vigil.runbook.config.HandoverConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.vertx.mutiny.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads from triage's operator API what a handover passes on, as the person writing the handover: their token is
 * forwarded, so triage answers for exactly the tenants they may see. Every page is read; if triage cannot answer,
 * the handover is refused (503) rather than written without its incidents (ADR 0021).
 */
@ApplicationScoped
public class TriageReader {
    /** Incidents that are not over; dismissed and resolved ones need nobody. */
    static final List<String> LIVE_STATUSES = List.of("open", "acknowledged", "confirmed", "recovering");
    private static final int PAGE = 500;

    private final WebClient client;
    private final HandoverConfig config;

    public TriageReader(Vertx vertx, HandoverConfig config) {
        this.config = config;
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout((int) config.triageTimeout().toMillis()).setFollowRedirects(false));
    }

    /** Triage's picture for the caller presenting {@code bearerToken}. */
    public Uni<TriagePicture> read(String bearerToken) {
        Uni<List<TriagePicture.LiveIncident>> incidents = Uni.createFrom().item(new ArrayList<>());
        for (String status : LIVE_STATUSES) {
            incidents = incidents.chain(found -> all("/v1/incidents?status=" + status, bearerToken,
                    TriageReader::incident).map(more -> {
                        found.addAll(more);
                        return found;
                    }));
        }
        return incidents.chain(live -> all("/v1/silences?state=active", bearerToken, TriageReader::silence)
                .chain(silences -> all("/v1/maintenance-windows", bearerToken, TriageReader::window)
                        .map(windows -> new TriagePicture(live, silences, windows))));
    }

    private <T> Uni<List<T>> all(String path, String bearerToken, Function<JsonNode, T> reader) {
        return page(path, null, bearerToken, reader, new ArrayList<>());
    }

    private <T> Uni<List<T>> page(String path, String cursor, String bearerToken, Function<JsonNode, T> reader,
            List<T> found) {
        String uri = config.triageUrl().resolve(path + (path.contains("?") ? "&" : "?") + "limit=" + PAGE
                + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8))).toString();
        return client.getAbs(uri).putHeader("Authorization", "Bearer " + bearerToken)
                .putHeader("Accept", "application/json").timeout(config.triageTimeout().toMillis()).send()
                .onFailure().transform(e -> unavailable(path, e.getClass().getSimpleName() + ": " + e.getMessage()))
                .chain(response -> {
                    JsonNode body = body(path, response);
                    body.path("items").forEach(item -> found.add(reader.apply(item)));
                    String next = body.path("nextCursor").asText(null);
                    return next == null ? Uni.createFrom().item(found) : page(path, next, bearerToken, reader, found);
                });
    }

    private static JsonNode body(String path, HttpResponse<Buffer> response) {
        if (response.statusCode() != 200) {
            throw unavailable(path, "it answered " + response.statusCode());
        }
        try {
            return Json.mapper().readTree(response.bodyAsString());
        } catch (JsonProcessingException e) {
            throw unavailable(path, "its answer was not JSON");
        }
    }

    private static ProblemException unavailable(String path, String why) {
        return new ProblemException(ProblemType.UNAVAILABLE, "Triage could not be read (" + path.split("\\?")[0]
                + ": " + why + "). A handover without triage's incidents, silences and windows would leave open work"
                + " out, so none was written; try again in a moment");
    }

    private static TriagePicture.LiveIncident incident(JsonNode item) {
        JsonNode decision = item.path("decision");
        String assignee = text(decision, "assignee");
        return new TriagePicture.LiveIncident(UUID.fromString(item.path("id").asText()), item.path("tenant").asText(),
                item.path("status").asText(), text(item, "resource"), text(item, "summary"), text(item, "severity"),
                assignee != null ? assignee : text(decision, "acknowledgedBy"), instant(item, "openedAt"));
    }

    private static TriagePicture.EndingQuiet silence(JsonNode item) {
        StringBuilder name = new StringBuilder();
        item.path("matchers").forEach(matcher -> name.append(name.isEmpty() ? "" : ", ")
                .append(matcher.path("label").asText()).append(matcher.path("op").asText())
                .append(matcher.path("value").asText()));
        String comment = text(item, "comment");
        if (comment != null) {
            name.append(name.isEmpty() ? "" : " ").append("(").append(comment).append(")");
        }
        return new TriagePicture.EndingQuiet(UUID.fromString(item.path("id").asText()), item.path("tenant").asText(),
                name.isEmpty() ? "every alert" : name.toString(), instant(item, "endsAt"));
    }

    /** A window, ending when the occurrence in force now ends; one not in force now ends at no time (null). */
    private static TriagePicture.EndingQuiet window(JsonNode item) {
        return new TriagePicture.EndingQuiet(UUID.fromString(item.path("id").asText()), item.path("tenant").asText(),
                item.path("name").asText(), item.path("activeNow").asBoolean(false) ? instant(item, "activeUntil")
                : null);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    private static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : Instant.parse(value);
    }
}
