package dev.vigil.devstack;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the local stack keeps its state and which ports it uses; every value can be overridden through the
 * environment (VIGIL_HOME, VIGIL_INGEST_PORT, ..., VIGIL_PG_URL for an existing PostgreSQL).
 */
public record StackLayout(
        Path repo,
        Path home,
        int kafkaPort,
        int pgPort,
        int receiverPort,
        Map<Service, Integer> servicePorts,
        String externalPgUrl) {

    public static StackLayout fromEnvironment(Path repo, Map<String, String> env) {
        Path home = env.containsKey("VIGIL_HOME") ? Path.of(env.get("VIGIL_HOME")) : repo.resolve(".vigil");
        return new StackLayout(repo, home.toAbsolutePath(),
                port(env, "VIGIL_KAFKA_PORT", 9092),
                port(env, "VIGIL_PG_PORT", 15432),
                port(env, "VIGIL_RECEIVER_PORT", 8099),
                Map.of(Service.INGEST, port(env, "VIGIL_INGEST_PORT", 8081),
                        Service.TRIAGE, port(env, "VIGIL_TRIAGE_PORT", 8082),
                        Service.NOTIFY, port(env, "VIGIL_NOTIFY_PORT", 8083),
                        Service.RUNBOOK, port(env, "VIGIL_RUNBOOK_PORT", 8084)),
                blankToNull(env.get("VIGIL_PG_URL")));
    }

    public Path logs() {
        return home.resolve("logs");
    }

    public Path pids() {
        return home.resolve("pids");
    }

    public Path data() {
        return home.resolve("data");
    }

    public Path jwt() {
        return home.resolve("jwt");
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    /** The broker's controller listens next to it, on a fixed port so a restart finds its quorum. */
    public int kafkaControllerPort() {
        return kafkaPort + 1;
    }

    public String serviceUrl(Service service) {
        return "http://127.0.0.1:" + servicePorts.get(service);
    }

    public String receiverUrl() {
        return "http://127.0.0.1:" + receiverPort;
    }

    /** The receiver process's SMTP relay, for notify's email endpoints. */
    public int receiverSmtpPort() {
        return smtpPortNextTo(receiverPort);
    }

    /** The relay listens next to the webhook receiver, as the broker's controller next to the broker. */
    static int smtpPortNextTo(int receiverPort) {
        return receiverPort + 1;
    }

    public Path applicationJar(Service service) {
        return repo.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(name + " is not a port number: " + value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
