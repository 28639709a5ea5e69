package dev.vigil.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The command line without the stack: a wrong one gets one line naming the problem (and a hint) on stderr and exit
 * status 2 before anything is started or contacted; help is printed and nothing else is done; tokens carry the
 * tenants they were asked for.
 */
class VigilCommandLineTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "bogus                                          | ./vigil: unknown command 'bogus'",
        "--bogus                                        | ./vigil: unknown option: '--bogus'",
        "up --bogus                                     | ./vigil up: unknown option: '--bogus'",
        "up now                                         | ./vigil up: unexpected argument 'now'",
        "logs --lines abc                               | ./vigil logs: invalid value for option '--lines': 'abc' is not a whole number",
        "logs --lines 0                                 | '0' is not above zero",
        "logs --lines                                   | missing required parameter for option '--lines'",
        "logs billing                                   | unknown process 'billing': one of postgres, kafka, receiver, ingest",
        "bench --seconds 2s                             | ./vigil bench: invalid value for option '--seconds': '2s' is not a whole number",
        "bench --format prometheus                      | ./vigil bench: invalid value for option '--format': 'prometheus' is not one of native, alertmanager, grafana, pagerduty",
        "bench-triage --mix old                         | ./vigil bench-triage: invalid value for option '--mix': 'old' is not one of new, repeat",
        "bench-triage --alerts 0                        | ./vigil bench-triage: invalid value for option '--alerts': '0' is not above zero",
        "bench-triage --alerts 1e6                      | ./vigil bench-triage: invalid value for option '--alerts': '1e6' is not a whole number",
        "bench-triage --fingerprints 50                 | ./vigil bench-triage: --fingerprints goes with --mix repeat",
        "bench-triage --mix repeat --alerts 10 --fingerprints 100 | --fingerprints 100 is more than --alerts 10",
        "night --speed 0                                | ./vigil night: invalid value for option '--speed': '0' is not above zero",
        "night --customers many                         | ./vigil night: invalid value for option '--customers': 'many' is not a whole number",
        "token                                          | ./vigil token: missing required option: '--role=R'",
        "token --role root                              | unknown role 'root': one of admin, supervisor, operator, customer",
        "token --role customer                          | customer tokens need --tenant T",
        "token --role customer --tenants a,b            | a customer acts for one tenant: use --tenant T, not --tenants",
        "token --role operator                          | operator tokens need --tenant T or --tenants a,b",
        "token --role supervisor --user sam             | supervisor tokens need --tenant T or --tenants a,b",
        "token --role admin --tenant a1 --tenants b1    | give --tenant or --tenants, not both",
        "token --role operator --tenant Demo_Shop       | 'Demo_Shop' is not a tenant id: 1-63 lowercase letters, digits or -",
        "token --role operator --tenants a,-b           | '-b' is not a tenant id",
        "token --role operator --tenants ab,*           | for every tenant: --tenants '*', alone",
        "token --role admin --hours -3                  | invalid value for option '--hours': '-3' is not above zero",
        "token --role admin --hours abc                 | 'abc' is not a whole number",
        "dlq                                            | ./vigil dlq: missing required subcommand",
        "dlq purge                                      | ./vigil dlq: unknown command 'purge'",
        "dlq list --service billing                     | unknown service 'billing': one of ingest, triage, notify, runbook",
        "dlq list --all                                 | ./vigil dlq list: unknown option: '--all'",
        "dlq redrive --service kafka --all              | unknown service 'kafka'",
        "dlq redrive --all                              | missing required option: '--service=S'",
        "dlq redrive --service triage                   | redrive needs either --offset N ... or --all",
        "dlq redrive --service triage --all --offset 3  | redrive needs either --offset N ... or --all",
        "dlq redrive --service triage --offset          | missing required parameter for option '--offset'",
        "dlq redrive --service triage --offset x7       | not an offset: x7 (expected N or PARTITION:N)",
    })
    void aWrongCommandLineExitsWithStatus2AndOneLineNamingTheProblem(String commandLine, String problem) {
        VigilRun run = VigilRun.of(VigilRun.noStack(), commandLine);

        List<String> lines = run.err().lines().toList();
        assertEquals(Vigil.USAGE, run.status(), run.err());
        assertTrue(lines.get(0).contains(problem), run.err());
        assertTrue(lines.size() == 1 || lines.size() == 2 && lines.get(1).startsWith("see ./vigil"),
                "one line, at most a hint, no stack trace: " + run.err());
        assertEquals("", run.out());
    }

    @Test
    void theHintNamesTheHelpOfTheCommandThatWasWrong() {
        VigilRun run = VigilRun.of(VigilRun.noStack(), "token --role customer --tenants a,b");

        assertEquals("see ./vigil token --help", run.err().lines().toList().get(1));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "up --help                | Usage: ./vigil up",
        "up -h                    | Usage: ./vigil up",
        "down --help              | Usage: ./vigil down",
        "logs --help              | Usage: ./vigil logs [-h] [--lines=N] [NAME]",
        "token --help             | Usage: ./vigil token [-h] --role=R [--tenant=T] [--tenants=T[,T...]]...",
        "demo --help              | Usage: ./vigil demo",
        "bench --help             | Usage: ./vigil bench",
        "bench-triage --help      | Usage: ./vigil bench-triage [-h] [--alerts=N] [--mix=M] [--fingerprints=K]",
        "night --help             | Usage: ./vigil night",
        "dlq --help               | Usage: ./vigil dlq [-h] (list | redrive)",
        "dlq redrive --help       | Usage: ./vigil dlq redrive [-h] --service=S (--offset=N... | --all)",
        "dlq list -h              | Usage: ./vigil dlq list",
        "help token               | Usage: ./vigil token",
    })
    void helpPrintsTheUsageAndDoesNothingElse(String commandLine, String usage) throws IOException {
        VigilRun run = VigilRun.of(VigilRun.noStack(), commandLine);

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().startsWith(usage), run.out());
        assertEquals("", run.err());
    }

    @Test
    void upWithHelpDoesNotStartTheStack() throws IOException {
        VigilRun run = VigilRun.of(out -> new Stack(StackLayout.fromEnvironment(home, Map.of()), out), "up", "--help");

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("Start the stack and wait until each part answers."), run.out());
        try (var created = Files.list(home)) {
            assertEquals(List.of(), created.toList(), "no state directory, no key, no process");
        }
    }

    @ParameterizedTest
    @CsvSource(quoteCharacter = '"', value = {"\"\"", "help", "--help", "-h"})
    void theOverviewListsEveryCommand(String commandLine) {
        VigilRun run = VigilRun.of(VigilRun.noStack(), commandLine);

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().startsWith("Usage: ./vigil [-h] [COMMAND]"), run.out());
        for (String command : List.of("up", "down", "status", "logs", "token", "demo", "bench", "bench-triage", "night",
                "dlq")) {
            assertTrue(run.out().lines().anyMatch(line -> line.startsWith("  " + command + " ")), command + ": " + run.out());
        }
    }

    @Test
    void anOperatorTokenForTwoTenantsCarriesBothInTheTenantsClaim() throws IOException {
        JsonNode claims = claims(token("token", "--role", "operator", "--tenants", "a,b"));

        assertEquals(JSON.readTree("[\"a\",\"b\"]"), claims.get("tenants"));
        assertEquals(JSON.readTree("[\"operator\"]"), claims.get("groups"));
        assertTrue(claims.path("tenant").isMissingNode(), claims.toString());
        assertEquals("operator@vigil", claims.get("sub").asText());
    }

    @Test
    void aStarGivesEveryTenantAsTheStringStar() throws IOException {
        JsonNode claims = claims(token("token", "--role", "supervisor", "--tenants", "*"));

        assertTrue(claims.get("tenants").isTextual(), claims.toString());
        assertEquals("*", claims.get("tenants").asText());
    }

    @Test
    void anAdminWithoutTenantsGetsEveryTenant() throws IOException {
        assertEquals("*", claims(token("token", "--role", "admin")).get("tenants").asText());
    }

    @Test
    void aCustomerTokenCarriesItsOneTenantAndLastsTheHoursAskedFor() throws IOException {
        JsonNode claims = claims(token("token", "--role", "customer", "--tenant", "demo-shop", "--hours", "2",
                "--user", "ops@demo-shop"));

        assertEquals("demo-shop", claims.get("tenant").asText());
        assertTrue(claims.path("tenants").isMissingNode(), claims.toString());
        assertEquals("ops@demo-shop", claims.get("sub").asText());
        assertEquals(2 * 3600, claims.get("exp").asLong() - claims.get("iat").asLong());
    }

    @Test
    void aStaffTokenForOneTenantCarriesTheTenantClaim() throws IOException {
        JsonNode claims = claims(token("token", "--role", "operator", "--tenant", "demo-shop"));

        assertEquals("demo-shop", claims.get("tenant").asText());
        assertTrue(claims.path("tenants").isMissingNode(), claims.toString());
        assertEquals("operator@demo-shop", claims.get("sub").asText());
    }

    /** Runs {@code args} against a stack whose state (the signing key) is in a scratch directory. */
    private String token(String... args) {
        VigilRun run = VigilRun.of(out -> new Stack(StackLayout.fromEnvironment(home, Map.of()), out), args);
        assertEquals(0, run.status(), run.err());
        assertEquals("", run.err());
        return run.out().trim();
    }

    private static JsonNode claims(String jwt) throws IOException {
        String[] parts = jwt.split("\\.");
        assertEquals(3, parts.length, jwt);
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }
}
