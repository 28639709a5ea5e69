package dev.vigil.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One background process of the stack: started detached (its own session, so Ctrl-C on the CLI does not
 * reach it), its pid in {@code pids/NAME.pid}, its output in {@code logs/NAME.log}.
 */
final class ManagedProcess {
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final String name;
    private final Path pidFile;
    private final Path logFile;

    ManagedProcess(StackLayout layout, String name) {
        this.name = name;
        this.pidFile = layout.pids().resolve(name + ".pid");
        this.logFile = layout.logs().resolve(name + ".log");
    }

    String name() {
        return name;
    }

    Path logFile() {
        return logFile;
    }

    Optional<ProcessHandle> running() {
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** True when the process was started and has gone without being stopped: crashed or killed. */
    boolean died() {
        return Files.exists(pidFile) && running().isEmpty();
    }

    void start(List<String> command, Map<String, String> environment) {
        try {
            Files.createDirectories(pidFile.getParent());
            Files.createDirectories(logFile.getParent());
            List<String> full = new ArrayList<>();
            if (Files.isExecutable(SETSID)) {
                full.add(SETSID.toString());
            }
            full.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(full)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            Files.writeString(pidFile, Long.toString(process.pid()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** Asks the process to stop, then kills it after {@code grace}. */
    void stop(Duration grace) {
        running().ifPresent(handle -> {
            handle.destroy();
            try {
                handle.onExit().get(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                handle.descendants().forEach(ProcessHandle::destroyForcibly);
                handle.destroyForcibly();
            }
        });
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills the process at once (SIGKILL), as a crash would; for failure tests. */
    void kill() {
        running().ifPresent(handle -> {
            handle.destroyForcibly();
            handle.onExit().join();
        });
    }

    /** Sends {@code signal} (a name such as {@code STOP}) to the process, if it runs; for failure tests. */
    void signal(String signal) {
        running().ifPresent(handle -> {
            try {
                int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(handle.pid())).inheritIO().start()
                        .waitFor();
                if (exit != 0) {
                    throw new StackException("kill -" + signal + " " + handle.pid() + " failed with " + exit);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Resident memory of the process and its children (PostgreSQL's backends), in MiB. */
    long residentMiB() {
        return running().map(handle -> Stream.concat(Stream.of(handle), handle.descendants())
                .mapToLong(ManagedProcess::residentKiB).sum() / 1024).orElse(0L);
    }

    private static long residentKiB(ProcessHandle handle) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(handle.pid()), "status"))) {
            return lines.filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElse(0);
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }
}
