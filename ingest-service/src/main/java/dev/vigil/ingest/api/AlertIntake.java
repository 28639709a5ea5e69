package dev.vigil.ingest.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.vigil.contracts.Alert;
import dev.vigil.contracts.Json;
import dev.vigil.ingest.AlertIds;
import dev.vigil.ingest.IngestKeyCache;
import dev.vigil.ingest.ProbeResult;
import dev.vigil.ingest.TenantRates;
import dev.vigil.ingest.messaging.AlertPublisher;
import dev.vigil.platform.json.JsonPaths;
import dev.vigil.platform.problem.ProblemException;
import dev.vigil.platform.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * What every input does with a request once its format is read: authenticate the ingest key, turn the body into
 * probe results, publish them as alerts, and answer 202 only once the broker acknowledged every one. No database
 * row is written on this path.
 */
@ApplicationScoped
public class AlertIntake {
    /** For each input's OpenAPI description of its 429. */
    static final String RATE_LIMITED = "The tenant sent more alerts than its rate on this replica allows"
            + " (vigil.ingest.rate): nothing was published; retry after Retry-After seconds";
    static final String TOO_MANY_ALERTS = "The body is larger than the service accepts, or holds more alerts than"
            + " vigil.ingest.max-alerts-per-request (1000 unless configured) or the tenant's burst";
    static final String BROKER_UNAVAILABLE = "The broker did not acknowledge every alert in time, so some may have"
            + " been stored; the sender should retry";
    private static final Logger LOG = Logger.getLogger(AlertIntake.class);
    private static final String BEARER = "Bearer ";
    /** A key named twice would leave which value counts to Jackson; refuse it like the REST bodies. */
    private static final ObjectReader STRICT_READER = Json.mapper().reader()
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final IngestKeyCache keys;
    private final AlertPublisher publisher;
    private final TenantRates rates;

    public AlertIntake(IngestKeyCache keys, AlertPublisher publisher, TenantRates rates) {
        this.keys = keys;
        this.publisher = publisher;
        this.rates = rates;
    }

    /**
     * @param results reads the request's probe results; it runs only for an authenticated tenant, and throws the
     *                domain's input exceptions for a body it refuses. None is a valid answer: a notification that
     *                is not an occurrence (an acknowledgement) is taken and publishes nothing.
     */
    public Uni<Response> accept(String authorization, String idempotencyKey, Supplier<List<ProbeResult>> results) {
        return accept(authorization, tenant -> AlertIds.forRequest(tenant, idempotencyKey), results);
    }

    /** As above, with the tenant's {@link AlertIds} chosen by the input. */
    public Uni<Response> accept(String authorization, Function<String, AlertIds> idsOf,
            Supplier<List<ProbeResult>> results) {
        return acceptKey(bearerKey(authorization), idsOf, () -> Uni.createFrom().item(results.get()));
    }

    /**
     * As above for a sender that cannot set a header and names the key itself (SNS: the last path segment), and
     * whose results take a round trip to read (fetching a signing certificate): they are read only for an
     * authenticated tenant, so a wrong key is refused before anything is fetched.
     */
    public Uni<Response> acceptKey(String key, Function<String, AlertIds> idsOf,
            Supplier<Uni<List<ProbeResult>>> results) {
        return liveTenant(key).chain(tenant -> {
            AlertIds ids = idsOf.apply(tenant);
            return results.get().chain(read -> publish(tenant, ids, read));
        });
    }

    private Uni<Response> publish(String tenant, AlertIds ids, List<ProbeResult> read) {
        List<Alert> alerts = ids.alerts(tenant, read, Instant.now());
        if (alerts.isEmpty()) {
            return Uni.createFrom().item(Response.accepted(AcceptedAlertsView.of(alerts)).build());
        }
        rates.waitFor(tenant, alerts.size()).ifPresent(wait -> {
            throw new RateLimitedException(Math.max(1, (wait.toMillis() + 999) / 1000));
        });
        return publisher.publish(alerts)
                .onFailure().transform(AlertIntake::unavailable)
                .map(sent -> Response.accepted(AcceptedAlertsView.of(alerts)).build());
    }

    /** A JSON body as a tree, with duplicate keys and malformed JSON refused as the REST bodies are. */
    public static JsonNode readJson(String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.invalid("$", "the body is empty");
        }
        try {
            return STRICT_READER.readTree(body);
        } catch (JsonProcessingException e) {
            throw JsonPaths.duplicateKey(e).map(ProblemException::duplicateKey).orElseGet(() ->
                    new ProblemException(ProblemType.MALFORMED_JSON, "The body is not valid JSON: " + e.getOriginalMessage()));
        }
    }

    /**
     * The tenant whose ingest key {@code authorization} carries, refused with 401 without a live one: for inputs
     * that publish no probe results of their own (heartbeat pings).
     */
    public Uni<String> tenantOf(String authorization) {
        return liveTenant(bearerKey(authorization));
    }

    private static String bearerKey(String authorization) {
        if (authorization == null || !authorization.startsWith(BEARER) || authorization.length() == BEARER.length()) {
            throw unauthorized("Send the tenant's ingest key as 'Authorization: Bearer vik_...'");
        }
        return authorization.substring(BEARER.length()).trim();
    }

    private Uni<String> liveTenant(String key) {
        if (key == null || key.isBlank()) {
            throw unauthorized("Send the tenant's ingest key");
        }
        return keys.tenantFor(key).map(tenant -> tenant.orElseThrow(() -> unauthorized("The ingest key is not valid")));
    }

    private static ProblemException unauthorized(String detail) {
        return new ProblemException(ProblemType.UNAUTHORIZED, detail);
    }

    private static ProblemException unavailable(Throwable failure) {
        LOG.warnf("alerts not acknowledged by the broker: %s", failure.getMessage());
        return new ProblemException(ProblemType.UNAVAILABLE,
                "The broker did not acknowledge every alert in time, so some may have been stored. Retry with the"
                        + " same Idempotency-Key: each alert then counts exactly once");
    }
}
