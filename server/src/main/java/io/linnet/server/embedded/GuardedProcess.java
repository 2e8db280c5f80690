package io.linnet.server.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A database or Redis process that dies with this JVM, however the JVM dies.
 *
 * <p>Why a guardian: Linux's {@code PR_SET_PDEATHSIG} is not reachable from Java (and fires when the
 * forking <em>thread</em> ends, not the process); a JVM shutdown hook does not run on {@code kill -9}.
 * So the server is started by a tiny {@code /bin/sh} guardian whose standard input is a pipe from this
 * JVM, which only this JVM holds open. A watcher in the guardian waits on {@code read}: when this JVM
 * stops the server it writes a line; when this JVM dies, even by {@code kill -9} or the OOM killer, the
 * kernel closes the pipe and {@code read} returns at end of file. Either way the guardian sends the server its
 * clean-shutdown signal and waits for it, so PostgreSQL and Redis never outlive their server as
 * orphans writing the same files as the next one. Should the guardian itself be killed, the next start
 * finds the orphan from the data directory and stops it ({@link #stopOrphan}).
 *
 * <p>The guardian runs in a session of its own ({@code setsid}), so a Ctrl-C in the terminal reaches
 * only the JVM, which then stops the servers in order; and with {@code umask 077}, so everything the
 * server writes is private to its user from the first byte.
 */
final class GuardedProcess {

    private static final Logger log = LoggerFactory.getLogger(GuardedProcess.class);
    /**
     * The watcher reads the lifeline in a subshell of its own (on a copy of standard input: an
     * asynchronous list would otherwise get /dev/null), so that the guardian itself waits on the
     * server and reaps it the moment it exits: a server that crashed is seen gone at once, not left
     * a zombie until the lifeline speaks.
     */
    private static final String GUARDIAN = """
            umask 077
            signal=$1; output=$2; shift 2
            exec 3<&0
            "$@" </dev/null >>"$output" 2>&1 &
            child=$!
            echo "$child"
            ( read -r stop_requested_or_jvm_gone <&3; kill -s "$signal" "$child" 2>/dev/null ) &
            watcher=$!
            wait "$child"
            status=$?
            kill "$watcher" 2>/dev/null
            exit "$status"
            """;

    private final String name;
    private final Process guardian;
    private final ProcessHandle child;
    private final OutputStream lifeline;

    private GuardedProcess(String name, Process guardian, ProcessHandle child) {
        this.name = name;
        this.guardian = guardian;
        this.child = child;
        this.lifeline = guardian.getOutputStream();
    }

    /**
     * Starts {@code command} under a guardian that stops it with {@code stopSignal} (PostgreSQL: INT, a
     * fast shutdown; Redis: TERM) once this JVM stops it or dies. Its output is appended to {@code output}.
     * The guardian works in {@code workingDirectory}, which should not be the server's own directory:
     * a process working there is taken for the server when orphans are looked for.
     */
    static GuardedProcess start(String name, List<String> command, String stopSignal, Path output, Path workingDirectory) {
        List<String> line = new ArrayList<>();
        setsid().ifPresent(line::add);
        line.addAll(List.of("/bin/sh", "-c", GUARDIAN, "linnet-guardian", stopSignal, output.toAbsolutePath().toString()));
        line.addAll(command);
        try {
            Process guardian = new ProcessBuilder(line)
                    .directory(workingDirectory.toFile())
                    .redirectError(ProcessBuilder.Redirect.appendTo(output.toFile()))
                    .start();
            BufferedReader announced = new BufferedReader(new InputStreamReader(guardian.getInputStream(), StandardCharsets.US_ASCII));
            String pid = announced.readLine();
            ProcessHandle child = pid == null ? null : ProcessHandle.of(Long.parseLong(pid.trim())).orElse(null);
            if (child == null) {
                guardian.destroyForcibly();
                throw new IllegalStateException(name + " exited at once; see " + output);
            }
            return new GuardedProcess(name, guardian, child);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    long pid() {
        return child.pid();
    }

    boolean isAlive() {
        return child.isAlive();
    }

    /** Asks the guardian to stop the server cleanly and waits for it; after {@code patience}, kills it. */
    void stop(Duration patience) {
        try {
            lifeline.write('\n');
            lifeline.close();
        } catch (IOException guardianAlreadyGone) {
            // the guardian exits once its server has: nothing is left to stop unless the server lives on
            if (child.isAlive()) {
                signal(child.pid(), "TERM");
            }
        }
        if (!awaitExit(child, patience)) {
            log.warn("{} did not stop within {} s; killing it", name, patience.toSeconds());
            child.destroyForcibly();
            awaitExit(child, Duration.ofSeconds(10));
        }
        try {
            guardian.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops a server left running by an earlier Linnet process of this data directory (one that was
     * killed with its guardian, or an earlier version without one): its clean-shutdown signal first, so
     * that what it holds reaches the disk, and {@code SIGKILL} only if it does not go within {@code patience}.
     */
    static void stopOrphan(String name, ProcessHandle orphan, String stopSignal, Duration patience) {
        log.warn("Stopping the orphaned {} (process {}) left by an earlier run of this data directory", name, orphan.pid());
        signal(orphan.pid(), stopSignal);
        if (!awaitExit(orphan, patience)) {
            log.warn("The orphaned {} (process {}) did not stop within {} s; killing it", name, orphan.pid(), patience.toSeconds());
            orphan.destroyForcibly();
            if (!awaitExit(orphan, Duration.ofSeconds(10))) {
                throw new IllegalStateException("Could not stop the orphaned " + name + " (process " + orphan.pid() + ")");
            }
        }
    }

    /** The process's command line, its arguments separated by NUL as the kernel keeps them; empty if it is gone. */
    static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8);
        } catch (IOException goneOrNotLinux) {
            return "";
        }
    }

    /** The process's working directory, when this user may see it. */
    static Optional<Path> workingDirectory(long pid) {
        try {
            return Optional.of(Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd")));
        } catch (IOException | UnsupportedOperationException goneOrNotOurs) {
            return Optional.empty();
        }
    }

    /** Sends a signal by name (INT, TERM...): Java itself can only send TERM and KILL. */
    static void signal(long pid, String signal) {
        try {
            new ProcessBuilder("/bin/sh", "-c", "kill -s \"$1\" \"$2\" 2>/dev/null", "linnet-signal", signal, Long.toString(pid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not signal process " + pid, e);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration patience) {
        try {
            process.onExit().get(patience.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException late) {
            return !process.isAlive();
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static Optional<String> setsid() {
        return List.of("/usr/bin/setsid", "/bin/setsid").stream().filter(path -> Files.isExecutable(Path.of(path))).findFirst();
    }
}
