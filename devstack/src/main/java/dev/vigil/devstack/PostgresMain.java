package dev.vigil.devstack;

import dev.vigil.testsupport.EmbeddedPostgresServer;
import java.nio.file.Path;

/** The stack's embedded PostgreSQL, kept by a small JVM: {@code PostgresMain DATA_DIR PORT}. */
public final class PostgresMain {
    private PostgresMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startEmbedded(Path.of(args[0]), Integer.parseInt(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "postgres-shutdown"));
        System.out.println("PostgreSQL ready on 127.0.0.1:" + server.port());
        Thread.currentThread().join();
    }
}
