package dev.vigil.ingest.zabbix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.contracts.Alert;
import dev.vigil.contracts.AlertStatus;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.Severity;
import dev.vigil.ingest.TestTenants;
import dev.vigil.testsupport.VigilTestResources;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.script.Invocable;
import javax.script.ScriptEngine;
import javax.script.ScriptException;
import org.junit.jupiter.api.Test;
import org.openjdk.nashorn.api.scripting.NashornScriptEngineFactory;

/**
 * Runs the shipped media type script as Zabbix does (ECMAScript 5.1, the parameters as the JSON text
 * {@code value}, Zabbix's {@code HttpRequest} and {@code Zabbix.log}), with an HttpRequest that really posts to
 * ingest: a problem and its recovery arrive as alerts of one fingerprint, an update as none.
 */
@QuarkusTest
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ZabbixMediaTypeTest {
    private static final Path SCRIPT = Path.of("..", "docs", "integrations", "zabbix", "vigil-media-type.js");

    @TestHTTPResource("/v1/ingest/zabbix")
    URL ingest;

    @Test
    void aProblemAndItsRecoveryArriveAsOneAlertsFiringAndResolution() throws Exception {
        TestTenants tenant = TestTenants.register();
        Map<String, String> problem = parameters(tenant.key(), "1", "0");

        assertEquals("OK", run(problem));
        assertEquals("OK", run(parameters(tenant.key(), "0", "0")));
        assertEquals("OK", run(parameters(tenant.key(), "1", "1")), "an update is taken, and publishes nothing");

        List<Alert> alerts = tenant.published(Duration.ofSeconds(30), published -> published.size() >= 2);
        assertEquals(2, alerts.size(), alerts.toString());
        Alert firing = alerts.get(0);
        assertEquals(AlertStatus.FIRING, firing.status());
        assertEquals(Severity.CRITICAL, firing.severity());
        assertEquals("zabbix:8812", firing.fingerprint());
        assertEquals("mysql", firing.labels().get("service"));
        assertEquals(AlertStatus.RESOLVED, alerts.get(1).status());
        assertEquals(firing.fingerprint(), alerts.get(1).fingerprint());
    }

    @Test
    void aRefusedEventFailsTheScriptSoZabbixShowsAndRetriesIt() {
        Map<String, String> wrongKey = parameters("vik_wrong", "1", "0");
        ScriptException failure = assertThrows(ScriptException.class, () -> run(wrongKey));
        assertEquals(true, failure.getMessage().contains("Vigil answered 401"), failure.getMessage());
    }

    private Map<String, String> parameters(String key, String value, String update) {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("url", ingest.toString());
        parameters.put("key", key);
        parameters.put("event_id", "8812");
        parameters.put("event_value", value);
        parameters.put("event_update", update);
        parameters.put("severity", "Disaster");
        parameters.put("trigger_name", "MySQL is down");
        parameters.put("trigger_id", "23104");
        parameters.put("host", "db-01");
        parameters.put("host_name", "Shop database");
        parameters.put("tags", "[{\"tag\":\"service\",\"value\":\"mysql\"}]");
        parameters.put("message", "MySQL is down on db-01");
        parameters.put("update_action", update.equals("1") ? "acknowledged" : "");
        parameters.put("update_user", "");
        return parameters;
    }

    /** Zabbix wraps the script in a function of {@code value}; so does this. */
    private static Object run(Map<String, String> parameters) throws Exception {
        ScriptEngine engine = new NashornScriptEngineFactory().getScriptEngine("--language=es5");
        engine.put("Zabbix", new ZabbixLog());
        engine.eval("var HttpRequest = Java.type('" + ZabbixHttpRequest.class.getName() + "');");
        engine.eval("function mediaType(value) {\n" + Files.readString(SCRIPT) + "\n}");
        return ((Invocable) engine).invokeFunction("mediaType", Json.write(parameters));
    }

    /** Zabbix's HttpRequest, as much of it as the script uses, sending for real. */
    public static final class ZabbixHttpRequest {
        private static final HttpClient CLIENT = HttpClient.newHttpClient();
        private final List<String> headers = new ArrayList<>();
        private int status;

        public void addHeader(String header) {
            headers.add(header);
        }

        public String post(String url, String body) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            for (String header : headers) {
                int colon = header.indexOf(':');
                request.header(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
            }
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            return response.body();
        }

        public int getStatus() {
            return status;
        }
    }

    /** Zabbix.log(level, message). */
    public static final class ZabbixLog {
        public void log(int level, String message) {
            System.out.println("[zabbix " + level + "] " + message);
        }
    }
}
