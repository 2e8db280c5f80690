package io.linnet.bench.chat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Many clients connected and doing nothing but heartbeats: what one idle connection costs the
 * server. The server's memory is read after a full GC before the connections open and again
 * while they are held; the difference over the number held is the cost of one. The clients are
 * spread over child processes ({@link ConnectionHolder}), each below the open-file limit, each
 * connecting from its own loopback address.
 */
final class IdleConnections {

    private final ChatSetup setup;
    private final ServerProbe probe;
    private final URI gateway;

    IdleConnections(ChatSetup setup, ServerProbe probe, URI gateway) {
        this.setup = setup;
        this.probe = probe;
        this.gateway = gateway;
    }

    /** A child process and the last thing it said. */
    private static final class Holder {
        final Process process;
        final PrintWriter input;
        final CompletableFuture<String> opened = new CompletableFuture<>();
        volatile String status = "";
        volatile int open;

        Holder(Process process) {
            this.process = process;
            this.input = new PrintWriter(process.getOutputStream(), true);
            Thread.ofPlatform().daemon().start(this::read);
        }

        private void read() {
            try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
                String line;
                while ((line = output.readLine()) != null) {
                    if (line.startsWith("opened ")) {
                        open = Integer.parseInt(line.split(" ")[1]);
                        opened.complete(line);
                    } else if (line.startsWith("status ")) {
                        status = line;
                        open = Integer.parseInt(line.substring(line.indexOf("open=") + 5, line.indexOf(' ', line.indexOf("open="))));
                    } else if (!line.equals("closed")) {
                        System.out.println("  holder: " + line);
                    }
                }
            } catch (IOException | RuntimeException gone) {
                opened.completeExceptionally(gone);
            }
            opened.completeExceptionally(new IllegalStateException("holder exited before opening its connections"));
        }
    }

    String run(int count, int perProcess, Duration hold, int ioThreads) throws Exception {
        Report.progress("idle: creating %,d users with a token each", count);
        List<ChatSetup.ChatUser> users = setup.users("i", count);
        Path tokens = Files.createTempFile("linnet-idle-tokens", ".txt");
        try {
            Files.write(tokens, users.stream().map(user -> user.userId() + " " + user.token()).toList());
            ServerProbe.Memory before = probe.memory(true);
            Report.progress("idle: server before: %s", before.describe());

            List<Holder> holders = new ArrayList<>();
            int processes = (count + perProcess - 1) / perProcess;
            long opening = System.nanoTime();
            for (int p = 0; p < processes; p++) {
                int from = p * perProcess;
                int to = Math.min(count, from + perProcess);
                holders.add(new Holder(new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx1g", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                        ConnectionHolder.class.getName(), gateway.toString(), tokens.toString(),
                        Integer.toString(from), Integer.toString(to), "127.0.0." + (11 + p), Integer.toString(ioThreads))
                        .redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start()));
            }
            try {
                Report.progress("idle: %d processes opening %,d connections", processes, count);
                for (Holder holder : holders) {
                    Report.progress("idle: %s", holder.opened.get(15, TimeUnit.MINUTES));
                }
                Duration openingTook = Duration.ofNanos(System.nanoTime() - opening);
                int opened = holders.stream().mapToInt(h -> h.open).sum();
                Thread.sleep(5000);
                Map<String, Double> cpuFrom = probe.cpu();
                ServerProbe.Memory held = probe.memory(true);
                Report.progress("idle: server holding %,d: %s; holding for %d s", opened, held.describe(), hold.toSeconds());
                long holdFrom = System.nanoTime();
                Thread.sleep(hold);
                String cpu = ServerProbe.cpuShare(cpuFrom, probe.cpu(), Duration.ofNanos(System.nanoTime() - holdFrom));
                ServerProbe.Memory after = probe.memory(true);
                int stillOpen = holders.stream().mapToInt(h -> h.open).sum();
                List<String> statuses = holders.stream().map(h -> h.status).toList();
                return String.format(Locale.ROOT, """
                                | connections asked | opened | open after %d s | opening took | server memory per connection (live heap + native) | live heap per connection | RSS per connection |
                                |---:|---:|---:|---:|---:|---:|---:|
                                | %,d | %,d | %,d | %.1f s (%,.0f/s) | %s | %s | %s |

                                - server before: %s
                                - server holding them: %s
                                - server after holding %d s: %s
                                - native memory (NMT) by category, change while holding: %s
                                - %s (while holding, heartbeats only)
                                - holders: %s""",
                        hold.toSeconds(), count, opened, stillOpen, openingTook.toNanos() / 1e9, opened / (openingTook.toNanos() / 1e9),
                        perConnection(after.connectionRelated() - before.connectionRelated(), stillOpen), perConnection(after.heapUsed() - before.heapUsed(), stillOpen),
                        after.rss() < 0 ? "n/a" : perConnection(after.rss() - before.rss(), stillOpen),
                        before.describe(), held.describe(), hold.toSeconds(), after.describe(), after.nativeChanges(before), cpu, statuses);
            } finally {
                for (Holder holder : holders) {
                    holder.input.println("close");
                }
                for (Holder holder : holders) {
                    if (!holder.process.waitFor(60, TimeUnit.SECONDS)) {
                        holder.process.destroyForcibly();
                    }
                }
            }
        } finally {
            Files.deleteIfExists(tokens);
        }
    }

    private static String perConnection(long bytes, int connections) {
        return connections == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0 / connections);
    }
}
