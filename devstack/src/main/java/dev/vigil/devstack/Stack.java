package dev.vigil.devstack;

import dev.vigil.testsupport.DevTokens;
import dev.vigil.testsupport.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts, inspects and stops the local stack: PostgreSQL (embedded unless VIGIL_PG_URL names one), a Kafka
 * broker, the webhook receiver and the four services, each a separate process. Starting is idempotent:
 * what already runs is left alone.
 */
public final class Stack {
    static final String POSTGRES = "postgres";
    static final String KAFKA = "kafka";
    static final String RECEIVER = "receiver";
    private static final Duration INFRA_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(180);

    private final StackLayout layout;
    private final PrintStream out;
    private final Api api = new Api();
    private final HealthProbe probe = new HealthProbe();

    public Stack(StackLayout layout, PrintStream out) {
        this.layout = layout;
        this.out = out;
    }

    public StackLayout layout() {
        return layout;
    }

    public DevTokens tokens() {
        return DevTokens.in(layout.jwt());
    }

    /** True when every part of the stack answers as ready, not merely when its processes are alive. */
    public boolean isUp() {
        return statuses().stream().allMatch(status -> status.health() == Health.READY);
    }

    public void up() {
        long started = System.nanoTime();
        missingJars();
        tokens();
        EmbeddedPostgresServer postgres = startPostgres();
        for (Service service : Service.values()) {
            postgres.ensureDatabase(service.database());
        }
        startIfStopped(process(KAFKA), layout.kafkaPort(), javaCommand(BrokerMain.class,
                layout.data().resolve("kafka").toString(), String.valueOf(layout.kafkaPort()),
                String.valueOf(layout.kafkaControllerPort())), Map.of());
        awaitPort(KAFKA, layout.kafkaPort(), INFRA_TIMEOUT);
        KafkaTopics.ensure(layout.kafkaBootstrap());
        startIfStopped(process(RECEIVER), layout.receiverPort(), javaCommand(ReceiverMain.class, String.valueOf(layout.receiverPort()),
                WebhookReceiver.secretsFile(layout).toString()), Map.of());
        awaitPort(RECEIVER, layout.receiverPort(), INFRA_TIMEOUT);
        for (Service service : Service.values()) {
            startIfStopped(process(service.id()), layout.servicePorts().get(service), serviceCommand(service),
                    serviceEnvironment(service, postgres));
        }
        for (Service service : Service.values()) {
            awaitReady(service);
        }
        out.printf("Vigil is up in %.1f s (state in %s)%n", (System.nanoTime() - started) / 1e9, layout.home());
        status();
    }

    public void down() {
        List<ManagedProcess> order = new ArrayList<>();
        for (String name : runningNames()) {
            if (!List.of(RECEIVER, KAFKA, POSTGRES).contains(name)) {
                order.add(process(name)); // services and their extra replicas first
            }
        }
        order.add(process(RECEIVER));
        order.add(process(KAFKA));
        order.add(process(POSTGRES));
        for (ManagedProcess process : order) {
            boolean wasRunning = process.running().isPresent();
            process.stop(Duration.ofSeconds(20));
            if (wasRunning) {
                out.println("stopped " + process.name());
            }
        }
        stopOrphanedPostgresServer();
        out.println("Vigil is down (state kept in " + layout.home() + "; delete it for a clean start)");
    }

    /**
     * Starts another instance of a running service on {@code port}: same database, same consumer group, so the
     * two share the work the way replicas do on Kubernetes.
     */
    public void startReplica(Service service, int port) {
        ManagedProcess replica = process(replicaName(service, port));
        Map<String, String> env = serviceEnvironment(service, connectPostgres());
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        startIfStopped(replica, port, serviceCommand(service), env);
        long deadline = System.nanoTime() + SERVICE_TIMEOUT.toNanos();
        while (!api.answers200("http://127.0.0.1:" + port + "/q/health/ready")) {
            failIfExited(replica);
            if (System.nanoTime() > deadline) {
                throw new StackException(replica.name() + " was not ready; see " + replica.logFile());
            }
            pause();
        }
    }

    /**
     * Stops one service (asked first, killed after 20 s), and any replica {@link #startReplica} started, so that
     * nothing consumes its topics; {@link #up()} or {@link #start} starts it again.
     */
    void stop(Service service) {
        for (String name : runningNames()) {
            if (name.equals(service.id()) || name.matches(service.id() + "-\\d+")) {
                ManagedProcess process = process(name);
                boolean wasRunning = process.running().isPresent();
                process.stop(Duration.ofSeconds(20));
                if (wasRunning) {
                    out.println("stopped " + name);
                }
            }
        }
    }

    /**
     * Starts one service if it is stopped, without waiting until it is ready ({@link #ready} says when), so a caller
     * can watch it start; the rest of the stack must be running.
     */
    void start(Service service) {
        startIfStopped(process(service.id()), layout.servicePorts().get(service), serviceCommand(service),
                serviceEnvironment(service, connectPostgres()));
    }

    /** Fails when a service's process, started by {@link #up()} or {@link #start}, has exited. */
    void failIfExited(Service service) {
        failIfExited(process(service.id()));
    }

    /** Crashes one service (SIGKILL); {@link #up()} starts it again. */
    public void kill(Service service) {
        kill(service.id());
    }

    /** Crashes one process of the stack by name ({@code kafka}, {@code receiver}, a service); for failure tests. */
    void kill(String name) {
        process(name).kill();
    }

    /** Crashes a replica {@link #startReplica} started; for failure tests. */
    void killReplica(Service service, int port) {
        kill(replicaName(service, port));
    }

    private static String replicaName(Service service, int port) {
        return service.id() + "-" + port;
    }

    /** Sends a signal to a service's process, e.g. {@code STOP} and {@code CONT} to freeze it; for failure tests. */
    void signal(Service service, String signal) {
        process(service.id()).signal(signal);
    }

    /** Sends a signal to a replica {@link #startReplica} started, as {@link #signal} does; for failure tests. */
    void signalReplica(Service service, int port, String signal) {
        process(replicaName(service, port)).signal(signal);
    }

    public void status() {
        out.printf("%-9s %-8s %-9s %8s  %s%n", "name", "process", "health", "RSS MiB", "address");
        for (ProcessStatus status : statuses()) {
            out.printf("%-9s %-8s %-9s %8d  %s%n", status.name(), status.process(), status.health().label(),
                    status.residentMiB(), status.address());
        }
    }

    /** Each process of the stack, and whether what it runs answers: a live holder of a dead server is not up. */
    List<ProcessStatus> statuses() {
        List<ProcessStatus> statuses = new ArrayList<>();
        statuses.add(status(POSTGRES, probe.postgres(connectPostgres()), layout.externalPgUrl() != null
                ? "external " + layout.externalPgUrl() : "postgresql://127.0.0.1:" + layout.pgPort()));
        statuses.add(status(KAFKA, probe.broker(layout.kafkaBootstrap()), layout.kafkaBootstrap()));
        statuses.add(status(RECEIVER, probe.http(layout.receiverUrl() + "/received"), layout.receiverUrl() + "/received"));
        for (Service service : Service.values()) {
            statuses.add(status(service.id(), probe.http(layout.serviceUrl(service) + "/q/health/ready"),
                    layout.serviceUrl(service) + "  (OpenAPI " + layout.serviceUrl(service) + "/q/openapi)"));
        }
        return statuses;
    }

    private ProcessStatus status(String name, Health health, String address) {
        ManagedProcess process = process(name);
        String state = process.running().isPresent() ? "running" : isExternal(process) ? "external" : "stopped";
        return new ProcessStatus(name, state, health, process.residentMiB(), address);
    }

    /** The embedded PostgreSQL's server process (not its holder), for failure tests; empty when it is not running. */
    Optional<ProcessHandle> postgresServer() {
        return PostgresServerProcess.running(postgresData());
    }

    public void logs(String name, int lines) {
        for (ManagedProcess process : all()) {
            if (name != null && !process.name().equals(name)) {
                continue;
            }
            out.println("==> " + process.logFile() + " <==");
            try {
                if (Files.exists(process.logFile())) {
                    List<String> all = Files.readAllLines(process.logFile());
                    all.subList(Math.max(0, all.size() - lines), all.size()).forEach(out::println);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Resident memory of every running process, for the demo's closing summary and the benchmark notes. */
    public Map<String, Long> residentMiB() {
        Map<String, Long> rss = new LinkedHashMap<>();
        all().forEach(p -> rss.put(p.name(), p.residentMiB()));
        return rss;
    }

    private EmbeddedPostgresServer startPostgres() {
        EmbeddedPostgresServer postgres = connectPostgres();
        if (layout.externalPgUrl() != null) {
            return postgres;
        }
        ManagedProcess holder = process(POSTGRES);
        if (holder.running().isPresent() && PostgresServerProcess.crashed(postgresData())) {
            // the holder would wait forever for a server that is gone: replace both
            out.println("PostgreSQL's server died while its holder lived; restarting both");
            holder.stop(Duration.ofSeconds(20));
        }
        stopOrphanedPostgresServer();
        startIfStopped(holder, layout.pgPort(), javaCommand(PostgresMain.class, postgresData().toString(),
                String.valueOf(layout.pgPort())), Map.of());
        long deadline = System.nanoTime() + INFRA_TIMEOUT.toNanos();
        while (probe.postgres(postgres) != Health.READY) {
            failIfExited(holder);
            if (System.nanoTime() > deadline) {
                throw new StackException("PostgreSQL did not answer on port " + layout.pgPort() + " within "
                        + INFRA_TIMEOUT.toSeconds() + " s; see " + holder.logFile());
            }
            pause();
        }
        return postgres;
    }

    /** A server whose holder was killed keeps running and holding the port; a new holder could not start. */
    private void stopOrphanedPostgresServer() {
        if (process(POSTGRES).running().isEmpty()) {
            postgresServer().ifPresent(server -> {
                out.println("stopping PostgreSQL server " + server.pid() + ", left running by a holder that died");
                PostgresServerProcess.stop(server, Duration.ofSeconds(30));
            });
        }
    }

    /** The PostgreSQL the services use (embedded, or the one VIGIL_PG_URL names), to read their databases. */
    EmbeddedPostgresServer postgres() {
        return connectPostgres();
    }

    private Path postgresData() {
        return layout.data().resolve("postgres");
    }

    private EmbeddedPostgresServer connectPostgres() {
        return EmbeddedPostgresServer.existing(layout.externalPgUrl() != null ? layout.externalPgUrl()
                : "postgresql://postgres:postgres@127.0.0.1:" + layout.pgPort());
    }

    /** Every process with a pid file, replicas included. */
    private List<String> runningNames() {
        try (var files = Files.list(layout.pids())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".pid"))
                    .map(n -> n.substring(0, n.length() - ".pid".length())).sorted().toList();
        } catch (java.nio.file.NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, String> serviceEnvironment(Service service, EmbeddedPostgresServer postgres) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(layout.servicePorts().get(service)));
        env.put("KAFKA_BOOTSTRAP_SERVERS", layout.kafkaBootstrap());
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", postgres.reactiveUrl(service.database()));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(service.database()));
        env.put("QUARKUS_DATASOURCE_USERNAME", postgres.user());
        env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
        env.put("VIGIL_JWT_PUBLIC_KEY_LOCATION", tokens().publicKeyFile().toUri().toString());
        // the demo's customer endpoint is the receiver on loopback, over plain HTTP
        env.put("VIGIL_NOTIFY_ALLOW_PRIVATE_TARGETS", "true");
        env.put("VIGIL_NOTIFY_ALLOW_PLAIN_HTTP", "true");
        if (service == Service.NOTIFY) {
            env.put("VIGIL_NOTIFY_SECRET_KEYS", notifySecretKeys());
            // email endpoints go to the receiver process's SMTP relay
            env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
            env.put("QUARKUS_MAILER_PORT", String.valueOf(layout.receiverSmtpPort()));
            env.put("QUARKUS_MAILER_FROM", "Demo MSP service desk <desk@msp.example.com>");
        }
        if (service == Service.RUNBOOK) {
            // a handover reads triage's incidents, silences and windows
            env.put("VIGIL_RUNBOOK_HANDOVERS_TRIAGE_URL", layout.serviceUrl(Service.TRIAGE));
        }
        return env;
    }

    /**
     * The key that encrypts endpoint secrets at rest in this stack: made once and kept with its state, as an MSP keeps
     * its key in a Kubernetes Secret.
     */
    private String notifySecretKeys() {
        Path file = layout.home().resolve("notify-secret-keys");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(layout.home());
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.writeString(file, "local:" + Base64.getEncoder().encodeToString(key) + "\n");
                file.toFile().setReadable(false, false);
                file.toFile().setReadable(true, true);
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> serviceCommand(Service service) {
        return List.of(javaExecutable(), "-XX:+UseSerialGC", "-Xmx384m", "-jar", layout.applicationJar(service).toString());
    }

    private static List<String> javaCommand(Class<?> main, String... args) {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-XX:+UseSerialGC", "-Xmx768m",
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return command;
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private void startIfStopped(ManagedProcess process, int port, List<String> command, Map<String, String> env) {
        if (process.running().isEmpty()) {
            // otherwise the readiness wait would find the other program and take it for ours
            if (listening(port)) {
                throw new StackException("port " + port + " is taken by another program; stop it, or move "
                        + process.name() + " with the VIGIL_*_PORT variables (see README)");
            }
            out.println((process.died() ? "restarting " + process.name() + ", whose process had died"
                    : "starting " + process.name()) + " (log: " + process.logFile() + ")");
            process.start(command, env);
        }
    }

    private void awaitPort(String name, int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!listening(port)) {
            failIfExited(process(name));
            if (System.nanoTime() > deadline) {
                throw new StackException(name + " did not listen on port " + port + " within " + timeout.toSeconds()
                        + " s; see " + process(name).logFile());
            }
            pause();
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void awaitReady(Service service) {
        long deadline = System.nanoTime() + SERVICE_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (ready(service)) {
                return;
            }
            failIfExited(process(service.id()));
            pause();
        }
        throw new StackException(service.id() + " was not ready within " + SERVICE_TIMEOUT.toSeconds() + " s; see "
                + process(service.id()).logFile());
    }

    public boolean ready(Service service) {
        return api.answers200(layout.serviceUrl(service) + "/q/health/ready");
    }

    private void failIfExited(ManagedProcess process) {
        if (process.running().isEmpty() && !isExternal(process)) {
            throw new StackException(process.name() + " exited; see " + process.logFile());
        }
    }

    private boolean isExternal(ManagedProcess process) {
        return process.name().equals(POSTGRES) && layout.externalPgUrl() != null;
    }

    private void missingJars() {
        Map<Service, Path> missing = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            if (!Files.exists(layout.applicationJar(service))) {
                missing.put(service, layout.applicationJar(service));
            }
        }
        if (!missing.isEmpty()) {
            throw new StackException("not built: " + missing.values() + "; run ./mvnw package -DskipTests");
        }
    }

    /** The names of the stack's processes, as {@code logs} and {@code status} show them. */
    static List<String> processNames() {
        List<String> names = new ArrayList<>(List.of(POSTGRES, KAFKA, RECEIVER));
        for (Service service : Service.values()) {
            names.add(service.id());
        }
        return names;
    }

    private List<ManagedProcess> all() {
        return processNames().stream().map(this::process).toList();
    }

    private ManagedProcess process(String name) {
        return new ManagedProcess(layout, name);
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted");
        }
    }
}
