package dev.vigil.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A wrong command line gets one clear line on stderr and exit status 2, before anything is contacted. */
class VigilCommandLineTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "dlq list --service billing                     | unknown service 'billing': one of triage, notify, runbook",
        "dlq redrive --service ingest --all             | unknown service 'ingest'",
        "dlq redrive --all                              | redrive needs --service",
        "dlq redrive --service triage                   | redrive needs either --offset N ... or --all",
        "dlq redrive --service triage --all --offset 3  | redrive needs either --offset N ... or --all",
        "dlq redrive --service triage --offset          | --offset needs at least one offset",
        "dlq redrive --service triage --offset x7       | not an offset: x7",
        "dlq list --all                                 | --offset and --all belong to 'dlq redrive'",
        "dlq                                            | expected 'dlq list",
        "dlq purge                                      | expected 'dlq list",
        "token                                          | --role is required",
    })
    void aWrongCommandLineExitsWithStatus2AndOneLine(String commandLine, String message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = Vigil.run(commandLine.trim().split("\\s+"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        String printed = err.toString(StandardCharsets.UTF_8);
        assertEquals(Vigil.USAGE, status, printed);
        assertTrue(printed.contains(message), printed);
        assertEquals(1, printed.lines().count(), "one line, no stack trace: " + printed);
    }
}
