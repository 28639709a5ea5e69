package dev.vigil.devstack;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** The subcommands that run the local stack, one class and one job each: up, down, status, logs, demo, bench,
 * bench-triage, bench-notify, night. */
final class StackCommands {
    private StackCommands() {
    }

    @Command(name = "up", description = {
        "Start the stack and wait until each part answers.",
        "PostgreSQL (embedded, or VIGIL_PG_URL), a Kafka broker, the webhook receiver and the four services. "
                + "Run again, it restarts whatever died and leaves the rest alone."})
    static final class Up implements Runnable {
        @ParentCommand
        Vigil vigil;

        @Override
        public void run() {
            vigil.stack().up();
        }
    }

    @Command(name = "down", description = "Stop the stack; its state stays in .vigil/.")
    static final class Down implements Runnable {
        @ParentCommand
        Vigil vigil;

        @Override
        public void run() {
            vigil.stack().down();
        }
    }

    @Command(name = "status", description = {
        "Show what runs, whether it answers, and its memory.",
        "Per process: running, stopped or external; ready, not ready (answers, but its readiness check fails) "
                + "or dead (no answer); resident memory; address."})
    static final class Status implements Runnable {
        @ParentCommand
        Vigil vigil;

        @Override
        public void run() {
            vigil.stack().status();
        }
    }

    @Command(name = "logs", description = "Print the last lines of each process's log (.vigil/logs/).")
    static final class Logs implements Runnable {
        @ParentCommand
        Vigil vigil;

        @Spec
        CommandSpec spec;

        @Parameters(arity = "0..1", paramLabel = "NAME",
                description = "only this process: postgres, kafka, receiver, ingest, triage, notify or runbook")
        String name;

        @Option(names = "--lines", paramLabel = "N", defaultValue = "60", converter = PositiveNumber.class,
                description = "how many lines of each (default: ${DEFAULT-VALUE})")
        int lines;

        @Override
        public void run() {
            if (name != null && !Stack.processNames().contains(name)) {
                throw new ParameterException(spec.commandLine(),
                        "unknown process '" + name + "': one of " + String.join(", ", Stack.processNames()));
            }
            vigil.stack().logs(name, lines);
        }
    }

    @Command(name = "demo", description = {
        "Bring the stack up if needed and tell the demo story.",
        "Registers tenant demo-shop (ingest key, webhook endpoint, runbook), posts a failing probe result three "
                + "times and then its recovery, and follows the incident, webhooks and runbook execution."})
    static final class RunDemo implements Runnable {
        @ParentCommand
        Vigil vigil;

        @Override
        public void run() {
            Stack stack = vigil.stack();
            if (!stack.isUp()) {
                stack.up();
            }
            new Demo(stack, vigil.out()).run();
        }
    }

    @Command(name = "bench", description = {
        "Measure accepted alerts/s through one input (POST /v1/alerts unless --format says otherwise).",
        "Starts the stack only if ingest is not up, so the rest can be stopped on purpose "
                + "(see docs/benchmarks.md)."})
    static final class Bench implements Runnable {
        @ParentCommand
        Vigil vigil;

        @Option(names = "--seconds", paramLabel = "S", defaultValue = "20", converter = PositiveNumber.class,
                description = "how long to measure, after a 5 s warm-up (default: ${DEFAULT-VALUE})")
        int seconds;

        @Option(names = "--connections", paramLabel = "C", defaultValue = "8", converter = PositiveNumber.class,
                description = "connections posting at once (default: ${DEFAULT-VALUE})")
        int connections;

        @Option(names = "--batch", paramLabel = "B", defaultValue = "100", converter = PositiveNumber.class,
                description = "alerts per request (default: ${DEFAULT-VALUE})")
        int batch;

        @Option(names = "--format", paramLabel = "F", defaultValue = "native",
                converter = BenchFormat.Name.class,
                description = "the input: native (POST /v1/alerts), alertmanager, grafana or pagerduty (one alert a"
                        + " request) (default: ${DEFAULT-VALUE})")
        BenchFormat format;

        @Option(names = "--tenants", paramLabel = "T", defaultValue = "4", converter = PositiveNumber.class,
                description = "tenants the connections send as, each held to its own rate (default: ${DEFAULT-VALUE})")
        int tenants;

        @Option(names = "--repeat", description = "send the same " + IngestBenchmark.REPEATED
                + " alerts over and over instead of new ones (the dedup path)")
        boolean repeat;

        @Override
        public void run() {
            Stack stack = vigil.stack();
            // the benchmark measures ingest alone; the rest of the stack may be stopped on purpose
            if (!stack.ready(Service.INGEST)) {
                stack.up();
            }
            new IngestBenchmark(stack, vigil.out()).run(seconds, connections, batch, format, repeat, tenants);
        }
    }

    @Command(name = "bench-triage", description = {
        "Measure how fast triage applies a backlog of alerts, warm, and check it counted each exactly once.",
        "Stops triage, posts exactly --alerts alerts through POST /v1/alerts (" + TriageBenchmark.CONNECTIONS
                + " connections x " + TriageBenchmark.BATCH + " alerts per request) as new tenants "
                + TriageBenchmark.TENANT_PREFIX + "<run>-<n>, starts triage and samples the occurrences it has "
                + "applied every second; prints the average, the rate warm and the best 10 s, then compares every "
                + "fingerprint's count with what was sent: PASS, or FAIL and exit status 1 (see docs/benchmarks.md)."})
    static final class BenchTriage implements Runnable {
        @ParentCommand
        Vigil vigil;

        @Spec
        CommandSpec spec;

        @Option(names = "--alerts", paramLabel = "N", defaultValue = "1000000", converter = PositiveNumber.class,
                description = "alerts to post, exactly (default: ${DEFAULT-VALUE})")
        int alerts;

        @Option(names = "--mix", paramLabel = "M", defaultValue = "new", converter = TriageBenchmark.Mix.Name.class,
                description = "new: every alert a new fingerprint; repeat: the same --fingerprints alerts in turn, "
                        + "all firing (default: ${DEFAULT-VALUE})")
        TriageBenchmark.Mix mix;

        @Option(names = "--fingerprints", paramLabel = "K", defaultValue = "" + IngestBenchmark.REPEATED,
                converter = PositiveNumber.class,
                description = "with --mix repeat, how many distinct alerts; at most N (default: ${DEFAULT-VALUE})")
        int fingerprints;

        @Option(names = "--tenants", paramLabel = "T", defaultValue = "4", converter = PositiveNumber.class,
                description = "tenants the alerts are spread over, each held to its own rate (default: "
                        + "${DEFAULT-VALUE})")
        int tenants;

        @Override
        public void run() {
            boolean fingerprintsGiven = spec.commandLine().getParseResult().hasMatchedOption("--fingerprints");
            if (mix == TriageBenchmark.Mix.NEW && fingerprintsGiven) {
                throw new ParameterException(spec.commandLine(), "--fingerprints goes with --mix repeat");
            }
            if (mix == TriageBenchmark.Mix.REPEAT && fingerprints > alerts) {
                throw new ParameterException(spec.commandLine(), "--fingerprints " + fingerprints
                        + " is more than --alerts " + alerts + ": each fingerprint must be sent at least once");
            }
            Stack stack = vigil.stack();
            if (!stack.isUp()) {
                stack.up();
            }
            new TriageBenchmark(stack, vigil.out()).run(alerts, mix, fingerprints, tenants);
        }
    }

    @Command(name = "bench-notify", description = {
        "Measure notify alone: latency at a steady rate, deliveries/s at saturation, and fairness to a slow receiver.",
        "Produces confirmed incident events straight onto vigil.incidents for new tenants "
                + NotifyBenchmark.TENANT_PREFIX + "<run>-<n>, whose endpoints point at a receiver in this process that"
                + " verifies every signature and times every webhook; deletes the endpoints at the end"
                + " (see docs/benchmarks.md)."})
    static final class BenchNotify implements Runnable {
        @ParentCommand
        Vigil vigil;

        @Option(names = "--rate", paramLabel = "R", defaultValue = "200", converter = PositiveNumber.class,
                description = "confirmed incidents/s in the latency part (default: ${DEFAULT-VALUE})")
        int rate;

        @Option(names = "--seconds", paramLabel = "S", defaultValue = "30", converter = PositiveNumber.class,
                description = "how long the latency part lasts (default: ${DEFAULT-VALUE})")
        int seconds;

        @Option(names = "--backlog", paramLabel = "N", defaultValue = "20000", converter = PositiveNumber.class,
                description = "incidents produced at once in the saturation part (default: ${DEFAULT-VALUE})")
        int backlog;

        @Option(names = "--tenants", paramLabel = "T", defaultValue = "50", converter = PositiveNumber.class,
                description = "tenants with a fast receiver (default: ${DEFAULT-VALUE})")
        int tenants;

        @Option(names = "--slow-backlog", paramLabel = "N", defaultValue = "600", converter = PositiveNumber.class,
                description = "incidents queued for the slow receiver in the fairness part (default: "
                        + "${DEFAULT-VALUE})")
        int slowBacklog;

        @Override
        public void run() {
            Stack stack = vigil.stack();
            if (!stack.isUp()) {
                stack.up();
            }
            new NotifyBenchmark(stack, vigil.out()).run(rate, seconds, backlog, tenants, slowBacklog);
        }
    }

    @Command(name = "night", description = {
        "Replay a labelled noisy night of an MSP against the stack and score triage's incidents.",
        "Generates the night from the seed (host-down cascades, service failures, flaps, blips, steady repeats, "
                + "planned work), registers tenants night-<seed>-r<run>-<n> with a key each, posts the alerts at "
                + "--speed times real time, waits for triage to settle and prints recall, false merges, incidents "
                + "per cascade, noise share and compression (see docs/triage-quality.md)."})
    static final class RunNight implements Runnable {
        @ParentCommand
        Vigil vigil;

        @Option(names = "--customers", paramLabel = "N", defaultValue = "40", converter = PositiveNumber.class,
                description = "tenants in the night (default: ${DEFAULT-VALUE})")
        int customers;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
                description = "the night's seed: the same seed gives the same night (default: ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--speed", paramLabel = "X", defaultValue = "100", converter = PositiveNumber.class,
                description = "replay speed-up: 100 plays the 8 h night in about 5 min (default: ${DEFAULT-VALUE})")
        int speed;

        @Override
        public void run() {
            Stack stack = vigil.stack();
            if (!stack.isUp()) {
                stack.up();
            }
            new NightReplay(stack, vigil.out()).run(seed, customers, speed);
        }
    }
}
