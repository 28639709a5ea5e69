package dev.vigil.devstack;

import dev.vigil.testsupport.EmbeddedKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The local stack for cross-process tests: the processes users run, on free ports, in a scratch directory. */
final class TestStacks {
    private TestStacks() {
    }

    /** Starts a whole stack; {@code prefix} names its directory under {@code devstack/target}. */
    static Stack startOnFreePorts(String prefix) {
        try {
            Path repo = Path.of(System.getProperty("vigil.repo")).toAbsolutePath().normalize();
            Path home = Files.createTempDirectory(repo.resolve("devstack/target"), prefix);
            StackLayout layout = StackLayout.fromEnvironment(repo, Map.of(
                    "VIGIL_HOME", home.toString(),
                    "VIGIL_KAFKA_PORT", String.valueOf(freePortPair()),
                    "VIGIL_PG_PORT", String.valueOf(EmbeddedKafka.freePort()),
                    "VIGIL_RECEIVER_PORT", String.valueOf(freePortPair()),
                    "VIGIL_INGEST_PORT", String.valueOf(EmbeddedKafka.freePort()),
                    "VIGIL_TRIAGE_PORT", String.valueOf(EmbeddedKafka.freePort()),
                    "VIGIL_NOTIFY_PORT", String.valueOf(EmbeddedKafka.freePort()),
                    "VIGIL_RUNBOOK_PORT", String.valueOf(EmbeddedKafka.freePort())));
            Stack stack = new Stack(layout, System.out);
            stack.up();
            return stack;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The broker's controller, and the receiver's SMTP relay, take the next port, so both must be free. */
    private static int freePortPair() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = EmbeddedKafka.freePort();
            try (ServerSocket next = new ServerSocket(port + 1)) {
                return port;
            } catch (IOException e) {
                // taken: try another
            }
        }
        throw new IllegalStateException("no free port pair");
    }
}
