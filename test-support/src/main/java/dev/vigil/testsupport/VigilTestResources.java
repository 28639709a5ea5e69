package dev.vigil.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Real infrastructure for a service's Quarkus tests: an in-JVM Kafka broker, PostgreSQL (embedded, or the
 * server named by {@code VIGIL_TEST_PG_URL}, in a scratch database) and a JWT key pair.
 * Tests reach the broker and the signing key through {@link TestInfra}.
 */
public class VigilTestResources implements QuarkusTestResourceLifecycleManager {
    /** Set to e.g. {@code postgresql://root@127.0.0.1:5432} to run against an existing server. */
    public static final String PG_URL_ENV = "VIGIL_TEST_PG_URL";

    private EmbeddedKafka kafka;
    private EmbeddedPostgresServer postgres;
    private String scratchDatabase;

    @Override
    public Map<String, String> start() {
        try {
            Path scratch = Files.createTempDirectory("vigil-test-");
            kafka = EmbeddedKafka.start(scratch.resolve("kafka"), 0, Map.of());
            String existing = System.getenv(PG_URL_ENV);
            String database;
            if (existing != null && !existing.isBlank()) {
                postgres = EmbeddedPostgresServer.existing(existing);
                scratchDatabase = postgres.createScratchDatabase("vigil_test");
                database = scratchDatabase;
            } else {
                postgres = EmbeddedPostgresServer.startEmbedded(null, 0, EmbeddedPostgresServer.Durability.FAST);
                database = "postgres";
            }
            DevTokens tokens = DevTokens.in(scratch.resolve("jwt"));
            System.setProperty(TestInfra.JWT_DIR_PROPERTY, scratch.resolve("jwt").toString());
            System.setProperty(TestInfra.KAFKA_PROPERTY, kafka.bootstrapServers());

            Map<String, String> config = new HashMap<>();
            config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
            config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
            config.put("quarkus.datasource.reactive.url", postgres.reactiveUrl(database));
            config.put("quarkus.datasource.username", postgres.user());
            config.put("quarkus.datasource.password", postgres.password());
            config.put("mp.jwt.verify.publickey.location", tokens.publicKeyFile().toUri().toString());
            config.put("mp.jwt.verify.issuer", DevTokens.ISSUER);
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null && scratchDatabase != null) {
            postgres.dropDatabase(scratchDatabase);
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
