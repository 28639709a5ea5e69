package dev.vigil.devstack;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** One in-process run of the {@code ./vigil} command line: its exit status and what it printed. */
record VigilRun(int status, String out, String err) {

    /** Runs {@code commandLine}, split on blanks, against the stack {@code stacks} makes when a command asks. */
    static VigilRun of(Function<PrintStream, Stack> stacks, String commandLine) {
        String trimmed = commandLine.trim();
        return of(stacks, trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+"));
    }

    static VigilRun of(Function<PrintStream, Stack> stacks, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Vigil.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), stacks);
        return new VigilRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** For command lines that must not touch the stack: asking for it fails the test. */
    static Function<PrintStream, Stack> noStack() {
        return out -> {
            throw new AssertionError("the command asked for the stack");
        };
    }
}
