package dev.vigil.devstack;

import dev.vigil.testsupport.EmbeddedPostgresServer;
import dev.vigil.testsupport.EmbeddedPostgresServer.Durability;
import java.nio.file.Path;

/**
 * Starts the stack's embedded PostgreSQL and holds it: {@code PostgresMain DATA_DIR PORT}. The server runs as
 * its own process (see {@link PostgresServerProcess}); stopping this JVM stops it. Crash-safe, because the
 * stack keeps its data across restarts and its failure tests kill the server.
 */
public final class PostgresMain {
    private PostgresMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startEmbedded(Path.of(args[0]), Integer.parseInt(args[1]),
                Durability.CRASH_SAFE);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "postgres-shutdown"));
        System.out.println("PostgreSQL ready on 127.0.0.1:" + server.port() + " (fsync " + server.setting("fsync")
                + ", synchronous_commit " + server.setting("synchronous_commit") + ")");
        Thread.currentThread().join();
    }
}
