package dev.vigil.devstack;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code ./vigil} command. Each subcommand is a class of its own ({@link StackCommands}, {@link TokenCommand},
 * {@link DeadLetterCommand}); this one holds what they share (where to print, the stack) and turns what went wrong
 * into an exit status: 1 when a step fails, 2 when the command line is wrong, each with one line on stderr.
 */
@Command(name = "./vigil",
        description = "Runs Vigil's local stack; builds what is missing or out of date first.",
        synopsisSubcommandLabel = "[COMMAND]",
        subcommands = {
            StackCommands.Up.class,
            StackCommands.Down.class,
            StackCommands.Status.class,
            StackCommands.Logs.class,
            TokenCommand.class,
            StackCommands.RunDemo.class,
            StackCommands.Bench.class,
            StackCommands.BenchTriage.class,
            StackCommands.BenchNotify.class,
            StackCommands.RunNight.class,
            DeadLetterCommand.class,
            HelpCommand.class},
        footer = {"",
            "State and ports: VIGIL_HOME (default .vigil/), VIGIL_PG_URL, VIGIL_KAFKA_PORT,",
            "VIGIL_PG_PORT, VIGIL_RECEIVER_PORT, VIGIL_INGEST_PORT, VIGIL_TRIAGE_PORT,",
            "VIGIL_NOTIFY_PORT, VIGIL_RUNBOOK_PORT (see README).",
            "Exit status: 0 done, 1 a step failed, 2 the command line is wrong."})
public final class Vigil implements Runnable {
    static final int FAILED = 1;
    static final int USAGE = 2;

    @Spec
    CommandSpec spec;

    private final PrintStream out;
    private final Function<PrintStream, Stack> stacks;
    private Stack stack;

    private Vigil(PrintStream out, Function<PrintStream, Stack> stacks) {
        this.out = out;
        this.stacks = stacks;
    }

    public static void main(String[] args) {
        Path repo = Path.of(System.getProperty("vigil.repo", ".")).toAbsolutePath().normalize();
        int status = run(args, System.out, System.err,
                out -> new Stack(StackLayout.fromEnvironment(repo, System.getenv()), out));
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs one command line; {@code stacks} makes the stack, and is called only by a command that needs it. */
    static int run(String[] args, PrintStream out, PrintStream err, Function<PrintStream, Stack> stacks) {
        return withConventions(new CommandLine(new Vigil(out, stacks)))
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .setExpandAtFiles(false) // "--user @ops" is a name, not a file of arguments to read
                .setParameterExceptionHandler(Vigil::wrongCommandLine)
                .setExecutionExceptionHandler(Vigil::failed)
                .execute(args);
    }

    /**
     * What every command shares: {@code -h} and {@code --help} (picocli's {@code help} command brings its own), and
     * options listed in the order they are declared, the important first.
     */
    private static CommandLine withConventions(CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        if (spec.findOption("--help") == null) {
            spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("show this help").build());
        }
        spec.usageMessage().sortOptions(false).sortSynopsis(false);
        command.getSubcommands().values().forEach(Vigil::withConventions);
        return command;
    }

    /** {@code ./vigil} alone: the overview. */
    @Override
    public void run() {
        spec.commandLine().usage(out);
    }

    PrintStream out() {
        return out;
    }

    /** The local stack, made on first use, so that help and a wrong command line touch nothing. */
    Stack stack() {
        if (stack == null) {
            stack = stacks.apply(out);
        }
        return stack;
    }

    /** One line naming the problem and one pointing to the help; no usage dump, no stack trace. */
    private static int wrongCommandLine(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        String name = command.getCommandSpec().qualifiedName();
        command.getErr().println(name + ": " + problem(e));
        command.getErr().println("see " + name + " --help");
        return USAGE;
    }

    private static String problem(ParameterException e) {
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()
                && !unmatched.getUnmatched().get(0).startsWith("-")) {
            String first = unmatched.getUnmatched().get(0);
            return e.getCommandLine().getSubcommands().isEmpty() ? "unexpected argument '" + first + "'"
                    : "unknown command '" + first + "'";
        }
        String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("").strip();
        return message.isEmpty() ? "wrong command line"
                : message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
    }

    /** A step that failed is reported in one line; anything else is a bug, and its stack trace is what helps. */
    private static int failed(Exception e, CommandLine command, ParseResult parsed) throws Exception {
        if (e instanceof StackException failure) {
            command.getErr().println(command.getCommandSpec().qualifiedName() + ": " + failure.getMessage());
            return failure instanceof UsageException ? USAGE : FAILED;
        }
        throw e;
    }
}
