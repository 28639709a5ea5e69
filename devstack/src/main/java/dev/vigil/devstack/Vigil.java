package dev.vigil.devstack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code ./vigil} command: up | down | status | logs [name] | token --role R [--tenant T] [--user U] | demo |
 * bench | dlq list|redrive. Exits 1 when a step fails, 2 when the command line is wrong.
 */
public final class Vigil {
    static final int FAILED = 1;
    static final int USAGE = 2;

    private Vigil() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path repo = Path.of(System.getProperty("vigil.repo", ".")).toAbsolutePath().normalize();
        Stack stack = new Stack(StackLayout.fromEnvironment(repo, System.getenv()), out);
        String command = args.length == 0 ? "help" : args[0];
        Map<String, String> options = options(Arrays.copyOfRange(args, Math.min(1, args.length), args.length));
        try {
            switch (command) {
                case "up" -> stack.up();
                case "down" -> stack.down();
                case "status" -> stack.status();
                case "logs" -> stack.logs(args.length > 1 && !args[1].startsWith("--") ? args[1] : null,
                        Integer.parseInt(options.getOrDefault("lines", "60")));
                case "token" -> out.println(stack.tokens().token(required(options, "role"), options.get("tenant"),
                        options.getOrDefault("user", options.get("role") + "@" + options.getOrDefault("tenant", "vigil")),
                        Duration.ofHours(Long.parseLong(options.getOrDefault("hours", "12")))));
                case "demo" -> {
                    if (!stack.isUp()) {
                        stack.up();
                    }
                    new Demo(stack, out).run();
                }
                case "bench" -> {
                    // the benchmark measures ingest alone; the rest of the stack may be stopped on purpose
                    if (!stack.ready(Service.INGEST)) {
                        stack.up();
                    }
                    new IngestBenchmark(stack, out).run(Integer.parseInt(options.getOrDefault("seconds", "20")),
                            Integer.parseInt(options.getOrDefault("connections", "8")),
                            Integer.parseInt(options.getOrDefault("batch", "100")));
                }
                case "dlq" -> new DeadLetterCommand(stack.layout().kafkaBootstrap(), out)
                        .run(Arrays.asList(args).subList(1, args.length));
                case "help", "--help", "-h" -> usage(out);
                default -> {
                    usage(err);
                    return USAGE;
                }
            }
            return 0;
        } catch (NumberFormatException e) {
            err.println("vigil " + command + ": not a number (" + e.getMessage() + ")");
            return USAGE;
        } catch (UsageException e) {
            err.println("vigil " + command + ": " + e.getMessage());
            return USAGE;
        } catch (StackException e) {
            err.println("vigil " + command + ": " + e.getMessage());
            return FAILED;
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i].substring(2), args[++i]);
            }
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new UsageException("--" + name + " is required");
        }
        return value;
    }

    private static void usage(PrintStream out) {
        List.of("usage: ./vigil COMMAND",
                "  up                    start PostgreSQL, Kafka, the webhook receiver and the four services",
                "  down                  stop them (state stays in .vigil/)",
                "  status                what runs, whether it answers (ready, not ready, dead), its memory",
                "  logs [NAME] [--lines N]  the last lines of each process's log",
                "  token --role R [--tenant T] [--user U] [--hours H]  a development JWT",
                "  demo                  bring the stack up if needed and tell the demo story",
                "  bench [--seconds S] [--connections C] [--batch B]  measure accepted alerts/s on POST /v1/alerts",
                "  dlq list [--service S]  records consumers parked on vigil.dlq.<service> (triage, notify, runbook)",
                "  dlq redrive --service S (--offset N ... | --all)  send parked records back to their topic")
                .forEach(out::println);
    }
}
