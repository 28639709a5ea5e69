package dev.vigil.ingest.nagios;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class NagiosInputTest {
    private static final Path COMMANDS = Path.of("..", "docs", "integrations", "nagios", "vigil-commands.cfg");
    private static final Pattern COMMAND = Pattern.compile(
            "command_name\\s+(\\S+)\\s+command_line\\s+(.+)");
    private static final Pattern MACRO = Pattern.compile("\\$([A-Z0-9]+)\\$");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PROBLEM = "application/problem+json";

    @TestHTTPResource("/")
    URL vigil;

    @Test
    void theShippedNagiosCommandsReportAProblemAndItsRecovery() throws Exception {
        TestTenants tenant = TestTenants.register();
        Map<String, String> resource = Map.of("USER10", tenant.key(), "USER11", vigil.toString().replaceAll("/$", ""));

        run("notify-service-by-vigil", resource, NagiosNotificationTest.SERVICE_PROBLEM);
        run("notify-host-by-vigil", resource, NagiosNotificationTest.HOST_DOWN);
        run("notify-service-by-vigil", resource, NagiosNotificationTest.with(NagiosNotificationTest.SERVICE_PROBLEM,
                "NOTIFICATIONTYPE", "RECOVERY", "SERVICESTATE", "OK", "SERVICEOUTPUT", "HTTP OK: 200 in 0.1 s"));

        List<Alert> alerts = tenant.published(WAIT, published -> published.size() >= 3);
        Alert problem = alerts.stream().filter(a -> a.check().equals("HTTP") && a.status() == AlertStatus.FIRING)
                .findFirst().orElseThrow();
        Alert recovery = alerts.stream().filter(a -> a.status() == AlertStatus.RESOLVED).findFirst().orElseThrow();
        Alert hostDown = alerts.stream().filter(a -> a.check().equals("host")).findFirst().orElseThrow();
        assertEquals(Severity.CRITICAL, problem.severity());
        assertEquals(problem.fingerprint(), recovery.fingerprint(), "the recovery resolves the problem's alert");
        assertEquals("db-01", hostDown.resource());
    }

    @Test
    void jsonMacrosAreTakenAndAnAcknowledgementPublishesNothing() {
        TestTenants tenant = TestTenants.register();
        given().auth().oauth2(tenant.key()).contentType(ContentType.JSON)
                .body(Json.write(NagiosNotificationTest.SERVICE_PROBLEM)).post("/v1/ingest/nagios")
                .then().statusCode(202).body("accepted", equalTo(1));
        given().auth().oauth2(tenant.key()).contentType(ContentType.URLENC)
                .formParams(NagiosNotificationTest.with(NagiosNotificationTest.SERVICE_PROBLEM,
                        "NOTIFICATIONTYPE", "ACKNOWLEDGEMENT", "NOTIFICATIONAUTHOR", "sam"))
                .post("/v1/ingest/nagios").then().statusCode(202).body("accepted", equalTo(0));
    }

    @Test
    void badMacrosAreNamedAndAWrongKeyIsChallenged() {
        String key = TestTenants.register().key();
        given().auth().oauth2(key).contentType(ContentType.URLENC).formParam("NOTIFICATIONTYPE", "PANIC")
                .post("/v1/ingest/nagios").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("NOTIFICATIONTYPE"));
        given().auth().oauth2(key).contentType(ContentType.JSON).body("{\"NOTIFICATIONTYPE\": 3}")
                .post("/v1/ingest/nagios").then().statusCode(400).body("errors[0].field", equalTo("NOTIFICATIONTYPE"));
        given().auth().oauth2(key).contentType(ContentType.URLENC).formParam("HOSTNAME", "a").formParam("HOSTNAME", "b")
                .post("/v1/ingest/nagios").then().statusCode(400).body("errors[0].field", equalTo("HOSTNAME"));
        given().auth().oauth2("vik_wrong").contentType(ContentType.URLENC)
                .formParams(NagiosNotificationTest.SERVICE_PROBLEM).post("/v1/ingest/nagios").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer");
    }

    /** Runs the shipped command line as Nagios would: macros substituted, through /bin/sh. */
    private static void run(String name, Map<String, String> resource, Map<String, String> macros)
            throws IOException, InterruptedException {
        String line = commandLine(name);
        Matcher macro = MACRO.matcher(line);
        StringBuilder command = new StringBuilder();
        while (macro.find()) {
            String value = resource.getOrDefault(macro.group(1), macros.getOrDefault(macro.group(1), ""));
            macro.appendReplacement(command, Matcher.quoteReplacement(value));
        }
        macro.appendTail(command);
        Process process = new ProcessBuilder("/bin/sh", "-c", command.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(30, TimeUnit.SECONDS);
        assertEquals(0, process.exitValue(), name + " failed: " + output);
    }

    private static String commandLine(String name) throws IOException {
        Matcher command = COMMAND.matcher(Files.readString(COMMANDS));
        while (command.find()) {
            if (command.group(1).equals(name)) {
                return command.group(2).strip();
            }
        }
        throw new AssertionError(name + " is not defined in " + COMMANDS);
    }
}
