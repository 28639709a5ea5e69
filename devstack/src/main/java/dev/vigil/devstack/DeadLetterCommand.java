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
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code ./vigil dlq list [--service S]} and {@code ./vigil dlq redrive --service S (--offset N ... | --all)}:
 * what the consumers parked, and sending it back once the cause is fixed. Every argument is checked before the
 * broker is asked.
 */
@Command(name = "dlq", description = "List or re-drive the records consumers parked on vigil.dlq.<service>.",
        synopsisSubcommandLabel = "(list | redrive)",
        subcommands = {DeadLetterCommand.ListCommand.class, DeadLetterCommand.RedriveCommand.class})
final class DeadLetterCommand {
    /** The services that consume, and so park what they cannot apply. */
    static final List<Service> CONSUMERS = List.of(Service.INGEST, Service.TRIAGE, Service.NOTIFY, Service.RUNBOOK);
    private static final String ROW = "  %-8s %-20s %-26s %-12s %-36s %-9s %s%n";

    @ParentCommand
    Vigil vigil;

    private final HealthProbe probe = new HealthProbe();

    static String topicOf(Service service) {
        return "vigil.dlq." + service.id();
    }

    @Command(name = "list", description = {
        "List the records triage, notify and runbook parked.",
        "Per record: DLQ offset, when parked, original topic-partition@offset, tenant, event id, whether it was "
                + "re-driven, reason."})
    static final class ListCommand implements Runnable {
        @ParentCommand
        DeadLetterCommand dlq;

        @Option(names = "--service", paramLabel = "S", converter = ConsumerName.class,
                description = "triage, notify or runbook (default: all three)")
        Service service;

        @Override
        public void run() {
            dlq.list(service == null ? CONSUMERS : List.of(service));
        }
    }

    @Command(name = "redrive",
            customSynopsis = "./vigil dlq redrive [-h] --service=S (--offset=N... | --all)",
            description = {
                "Send parked records back to their original topic.",
                "With their key, value and headers: the event id stays, so a consumer applies each at most once. "
                        + "The DLQ records it, so list shows it and --all skips it next time."})
    static final class RedriveCommand implements Runnable {
        @ParentCommand
        DeadLetterCommand dlq;

        @Spec
        CommandSpec spec;

        @Option(names = "--service", required = true, paramLabel = "S", converter = ConsumerName.class,
                description = "triage, notify or runbook")
        Service service;

        @Option(names = "--offset", arity = "1..*", paramLabel = "N", converter = Offset.class,
                description = "these DLQ offsets (PARTITION:N on a topic with more than one partition)")
        List<ParkedRecord.Position> offsets = List.of();

        @Option(names = "--all", description = "every record not re-driven yet")
        boolean all;

        @Override
        public void run() {
            if (all == !offsets.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "redrive needs either --offset N ... or --all");
            }
            dlq.redrive(service, all, new LinkedHashSet<>(offsets));
        }
    }

    /** {@code --service}: one of {@link #CONSUMERS}, in any case. */
    static final class ConsumerName implements ITypeConverter<Service> {
        @Override
        public Service convert(String name) {
            return CONSUMERS.stream().filter(s -> s.id().equals(name.toLowerCase(Locale.ROOT))).findFirst()
                    .orElseThrow(() -> new TypeConversionException("unknown service '" + name + "': one of " + names()));
        }
    }

    /** {@code --offset}: N, or PARTITION:N. */
    static final class Offset implements ITypeConverter<ParkedRecord.Position> {
        @Override
        public ParkedRecord.Position convert(String text) {
            try {
                return ParkedRecord.Position.parse(text);
            } catch (UsageException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    private void list(List<Service> services) {
        String bootstrapServers = requireBroker();
        services.forEach(service -> list(new DeadLetterTopic(bootstrapServers, topicOf(service))));
    }

    private void redrive(Service service, boolean all, Set<ParkedRecord.Position> positions) {
        redrive(new DeadLetterTopic(requireBroker(), topicOf(service)), all, positions);
    }

    private void list(DeadLetterTopic topic) {
        PrintStream out = vigil.out();
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
        PrintStream out = vigil.out();
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

    /** The stack's broker address, once it answers. */
    private String requireBroker() {
        String bootstrapServers = vigil.stack().layout().kafkaBootstrap();
        if (probe.broker(bootstrapServers) != Health.READY) {
            throw new StackException("the broker at " + bootstrapServers + " does not answer; start it with ./vigil up");
        }
        return bootstrapServers;
    }

    private static String names() {
        return CONSUMERS.stream().map(Service::id).collect(Collectors.joining(", "));
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }
}
