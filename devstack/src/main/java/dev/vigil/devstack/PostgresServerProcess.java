package dev.vigil.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL's own server (postmaster) for a data directory, found through the {@code postmaster.pid} file it
 * keeps there. The stack's "postgres" process is a JVM that started this server; pg_ctl detaches the server,
 * so the two live and die separately and only this file ties them together.
 */
final class PostgresServerProcess {
    private PostgresServerProcess() {
    }

    /** The live server of {@code dataDir}, if any. */
    static Optional<ProcessHandle> running(Path dataDir) {
        return pidInFile(dataDir).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                // a pid left in a stale file may have been reused by another program
                .filter(handle -> handle.info().command().map(c -> c.endsWith("/postgres")).orElse(true));
    }

    /** True when the server did not shut down cleanly (it removes the file then) and is gone: killed or crashed. */
    static boolean crashed(Path dataDir) {
        return pidInFile(dataDir).isPresent() && running(dataDir).isEmpty();
    }

    /**
     * Stops a server with a fast shutdown (SIGINT: roll back open transactions, checkpoint, exit); a smart one
     * (SIGTERM) would wait for the services' pooled connections forever. Kills it after {@code grace}.
     */
    static void stop(ProcessHandle server, Duration grace) {
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(server.pid())).inheritIO().start().waitFor();
            server.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            server.destroyForcibly();
            server.onExit().join();
        }
    }

    private static Optional<Long> pidInFile(Path dataDir) {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
