package io.linnet.bench.chat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads what the server process costs: its memory (heap after a full GC and direct buffers from
 * {@code /actuator/prometheus}; everything the JVM holds outside the heap from native memory
 * tracking when the server runs with {@code -XX:NativeMemoryTracking=summary}; RSS from /proc),
 * and the CPU time of the server, PostgreSQL, Redis and the load generator from /proc, so that a
 * figure says how the machine's two cores were shared while it was measured.
 */
final class ServerProbe {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern NMT_TOTAL = Pattern.compile("Total: reserved=(\\d+)KB, committed=(\\d+)KB");
    private static final Pattern NMT_HEAP = Pattern.compile("Java Heap \\(reserved=(\\d+)KB, committed=(\\d+)KB\\)");
    private static final double CLOCK_TICKS = 100.0;

    private final String api;
    private final long serverPid;
    private final long postgresPid;
    private final long redisPid;

    ServerProbe(String api, long serverPid, long postgresPid, long redisPid) {
        this.api = api;
        this.serverPid = serverPid;
        this.postgresPid = postgresPid;
        this.redisPid = redisPid;
    }

    /**
     * The server's memory.
     *
     * @param heapUsed     bytes of live heap (after a full GC when the pid is known)
     * @param direct       bytes of JDK direct buffers
     * @param nonHeap      bytes the JVM has committed outside the heap (NMT), -1 without NMT
     * @param rss          resident set size, -1 without the pid
     */
    record Memory(long heapUsed, long direct, long nonHeap, long rss) {

        /** Live heap plus everything outside the heap: what the process needs, independent of how large the GC let the heap grow. */
        long live() {
            return heapUsed + Math.max(nonHeap, direct);
        }

        String describe() {
            return String.format(Locale.ROOT, "heap used %s, direct buffers %s, non-heap (NMT) %s, RSS %s",
                    mib(heapUsed), mib(direct), nonHeap < 0 ? "n/a" : mib(nonHeap), rss < 0 ? "n/a" : mib(rss));
        }
    }

    /** The server's memory now; with {@code collectFirst} and a known pid, after a full GC (jcmd GC.run). */
    Memory memory(boolean collectFirst) throws Exception {
        if (collectFirst && serverPid > 0) {
            jcmd("GC.run");
            Thread.sleep(1000);
        }
        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(api + "/actuator/prometheus")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        long heap = (long) sum(metrics, "jvm_memory_used_bytes", "area=\"heap\"");
        long direct = (long) sum(metrics, "jvm_buffer_memory_used_bytes", "id=\"direct\"");
        long nonHeap = -1;
        if (serverPid > 0) {
            String nmt = jcmd("VM.native_memory", "summary");
            Matcher total = NMT_TOTAL.matcher(nmt);
            Matcher heapCommitted = NMT_HEAP.matcher(nmt);
            if (total.find() && heapCommitted.find()) {
                nonHeap = (Long.parseLong(total.group(2)) - Long.parseLong(heapCommitted.group(2))) * 1024;
            }
        }
        return new Memory(heap, direct, nonHeap, rss(serverPid));
    }

    /** Cumulative CPU seconds so far of each process the probe knows (and the whole machine's busy time). */
    Map<String, Double> cpu() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        if (serverPid > 0) {
            seconds.put("server", processCpu(serverPid, false));
        }
        if (postgresPid > 0) {
            seconds.put("PostgreSQL", processCpu(postgresPid, true));
        }
        if (redisPid > 0) {
            seconds.put("Redis", processCpu(redisPid, false));
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        seconds.put("load generator", os.getProcessCpuTime() / 1e9);
        seconds.put("machine", machineBusy());
        return seconds;
    }

    /** Cores used by each process between two {@link #cpu()} samples taken {@code elapsed} apart. */
    static String cpuShare(Map<String, Double> before, Map<String, Double> after, Duration elapsed) {
        StringBuilder line = new StringBuilder();
        double seconds = elapsed.toNanos() / 1e9;
        after.forEach((name, value) -> {
            double cores = (value - before.getOrDefault(name, 0.0)) / seconds;
            line.append(line.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%s %.2f", name, cores));
        });
        return "CPU in cores (of " + Runtime.getRuntime().availableProcessors() + "): " + line;
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }

    private String jcmd(String... command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        List<String> line = new java.util.ArrayList<>(List.of(jcmd.toString(), Long.toString(serverPid)));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return output;
    }

    private static double sum(String metrics, String name, String label) {
        double total = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith(name + "{") && line.contains(label)) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }

    private static long rss(long pid) throws IOException {
        if (pid <= 0) {
            return -1;
        }
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return -1;
    }

    /** utime + stime of a process; with {@code withChildren}, also of its live children and of those it has reaped. */
    private static double processCpu(long pid, boolean withChildren) {
        Optional<long[]> own = stat(pid);
        if (own.isEmpty()) {
            return 0;
        }
        long ticks = own.get()[1] + own.get()[2];
        if (withChildren) {
            ticks += own.get()[3] + own.get()[4];
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                for (Path process : processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                    Optional<long[]> child = stat(Long.parseLong(process.getFileName().toString()));
                    if (child.isPresent() && child.get()[0] == pid) {
                        ticks += child.get()[1] + child.get()[2];
                    }
                }
            } catch (IOException unreadable) {
                return ticks / CLOCK_TICKS;
            }
        }
        return ticks / CLOCK_TICKS;
    }

    /** ppid, utime, stime, cutime, cstime of a process, from /proc/PID/stat. */
    private static Optional<long[]> stat(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Optional.of(new long[]{Long.parseLong(fields[1]), Long.parseLong(fields[11]), Long.parseLong(fields[12]),
                    Long.parseLong(fields[13]), Long.parseLong(fields[14])});
        } catch (IOException | RuntimeException gone) {
            return Optional.empty();
        }
    }

    /** CPU seconds the whole machine spent busy (all but idle and iowait), from /proc/stat. */
    private static double machineBusy() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < cpu.length && i <= 8; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(cpu[i]);
                }
            }
            return busy / CLOCK_TICKS;
        } catch (IOException | RuntimeException unreadable) {
            return 0;
        }
    }
}
