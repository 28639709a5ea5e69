package dev.vigil.devstack;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code ./vigil dlq list [--service S]} and {@code ./vigil dlq redrive --service S (--offset N ... | --all)}:
 * what the consumers parked, and sending it back once the cause is fixed.
 */
final class DeadLetterCommand {
    /** The services that consume, and so park what they cannot apply. */
    static final List<Service> CONSUMERS = List.of(Service.TRIAGE, Service.NOTIFY, Service.RUNBOOK);
    private static final String ROW = "  %-8s %-20s %-26s %-12s %-36s %-9s %s%n";

    private final String bootstrapServers;
    private final PrintStream out;
    private final HealthProbe probe = new HealthProbe();

    DeadLetterCommand(String bootstrapServers, PrintStream out) {
        this.bootstrapServers = bootstrapServers;
        this.out = out;
    }

    static String topicOf(Service service) {
        return "vigil.dlq." + service.id();
    }

    /** {@code args} is what follows {@code dlq}; every argument is checked before the broker is asked. */
    void run(List<String> args) {
        if (args.isEmpty() || !List.of("list", "redrive").contains(args.get(0))) {
            throw new UsageException("expected 'dlq list [--service S]' or "
                    + "'dlq redrive --service S (--offset N ... | --all)'");
        }
        Arguments arguments = Arguments.parse(args.subList(1, args.size()));
        if (args.get(0).equals("list")) {
            List<Service> services = arguments.service == null ? CONSUMERS : List.of(service(arguments.service));
            arguments.refuseRedriveOptions();
            requireBroker();
            services.forEach(service -> list(new DeadLetterTopic(bootstrapServers, topicOf(service))));
        } else {
            if (arguments.service == null) {
                throw new UsageException("redrive needs --service (one of " + names() + ")");
            }
            Service service = service(arguments.service);
            if (arguments.all == !arguments.offsets.isEmpty()) {
                throw new UsageException("redrive needs either --offset N ... or --all");
            }
            Set<ParkedRecord.Position> positions = arguments.offsets.stream().map(ParkedRecord.Position::parse)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            requireBroker();
            redrive(new DeadLetterTopic(bootstrapServers, topicOf(service)), arguments.all, positions);
        }
    }

    private void list(DeadLetterTopic topic) {
        List<ParkedRecord> parked = topic.list();
        long redriven = parked.stream().filter(ParkedRecord::redriven).count();
        out.printf("%s: %d parked, %d of them re-driven%n", topic.topic(), parked.size(), redriven);
        if (parked.isEmpty()) {
            return;
        }
        out.printf(ROW, "offset", "parked at", "from", "tenant", "event id", "re-driven", "reason");
        for (ParkedRecord record : parked) {
            out.printf(ROW, record.position(), record.parkedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                    record.origin(), orDash(record.tenant()), orDash(record.eventId()), record.redriven() ? "yes" : "no",
                    orDash(record.reason()));
        }
    }

    private void redrive(DeadLetterTopic topic, boolean all, Set<ParkedRecord.Position> positions) {
        List<ParkedRecord> parked = topic.list();
        List<ParkedRecord> chosen = new ArrayList<>();
        if (all) {
            parked.stream().filter(p -> !p.redriven()).forEach(chosen::add);
        } else {
            Map<ParkedRecord.Position, ParkedRecord> byPosition = parked.stream()
                    .collect(Collectors.toMap(ParkedRecord::position, Function.identity()));
            for (ParkedRecord.Position position : positions) {
                ParkedRecord record = byPosition.get(position);
                if (record == null) {
                    throw new UsageException("no parked record at offset " + position + " of " + topic.topic());
                }
                if (record.redriven()) {
                    // sending it again would be harmless (the inbox drops it) but is never what was meant
                    out.println("skipping " + topic.topic() + "@" + position + ": already re-driven");
                } else {
                    chosen.add(record);
                }
            }
        }
        topic.redrive(chosen);
        chosen.forEach(record -> out.printf("re-drove %s@%s to %s (event %s)%n", topic.topic(), record.position(),
                record.originalTopic(), orDash(record.eventId())));
        if (chosen.isEmpty()) {
            out.println("nothing to re-drive on " + topic.topic());
        }
    }

    private void requireBroker() {
        if (probe.broker(bootstrapServers) != Health.READY) {
            throw new StackException("the broker at " + bootstrapServers + " does not answer; start it with ./vigil up");
        }
    }

    private static Service service(String name) {
        return CONSUMERS.stream().filter(s -> s.id().equals(name.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new UsageException("unknown service '" + name + "': one of " + names()));
    }

    private static String names() {
        return CONSUMERS.stream().map(Service::id).collect(Collectors.joining(", "));
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }

    /** {@code --service S}, {@code --all}, and offsets after {@code --offset} (repeated or not). */
    private static final class Arguments {
        String service;
        boolean all;
        final List<String> offsets = new ArrayList<>();

        static Arguments parse(List<String> args) {
            Arguments parsed = new Arguments();
            for (int i = 0; i < args.size(); i++) {
                switch (args.get(i)) {
                    case "--service" -> {
                        if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                            throw new UsageException("--service needs a name (one of " + names() + ")");
                        }
                        parsed.service = args.get(++i);
                    }
                    case "--all" -> parsed.all = true;
                    case "--offset" -> {
                        int before = parsed.offsets.size();
                        while (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                            parsed.offsets.add(args.get(++i));
                        }
                        if (parsed.offsets.size() == before) {
                            throw new UsageException("--offset needs at least one offset");
                        }
                    }
                    default -> throw new UsageException("unexpected argument: " + args.get(i));
                }
            }
            return parsed;
        }

        void refuseRedriveOptions() {
            if (all || !offsets.isEmpty()) {
                throw new UsageException("--offset and --all belong to 'dlq redrive'");
            }
        }
    }
}
