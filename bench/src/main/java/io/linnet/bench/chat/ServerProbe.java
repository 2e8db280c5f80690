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
import java.util.Set;
import java.util.TreeMap;
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
    private static final Pattern NMT_CATEGORY = Pattern.compile("^-\\s+(.+?) \\(reserved=(\\d+)KB, committed=(\\d+)KB", Pattern.MULTILINE);
    /**
     * Native memory that the JIT, the garbage collector and class loading hold: it follows the
     * heap's size and the code that ran, not the connections, and swings by tens of MiB on its own.
     */
    private static final Set<String> NOT_PER_CONNECTION = Set.of("Java Heap", "GC", "GCCardSet", "Class", "Code", "Compiler",
            "Symbol", "Shared class space", "Metaspace", "Arena Chunk", "Native Memory Tracking", "Tracing");
    private static final double CLOCK_TICKS = 100.0;

    private final String api;
    private final long serverPid;
    private final long postgresPid;
    private final long redisPid;
    private final Path profileDir;
    private volatile boolean nmtMissingReported;

    ServerProbe(String api, long serverPid, long postgresPid, long redisPid, Path profileDir) {
        this.api = api;
        this.profileDir = profileDir;
        this.serverPid = serverPid;
        this.postgresPid = postgresPid;
        this.redisPid = redisPid;
    }

    /**
     * The server's memory.
     *
     * @param heapUsed     bytes of heap in use; with a full GC first, what that GC left (the live set)
     * @param direct       bytes of JDK direct buffers
     * @param nativeByCategory bytes committed outside the heap by native memory tracking's category, empty without NMT
     * @param rss          resident set size, -1 without the pid
     */
    record Memory(long heapUsed, long direct, Map<String, Long> nativeByCategory, long rss) {

        /**
         * What connections can cost: live heap, plus native memory other than the JIT's, the
         * GC's and class metadata (direct buffers, threads, internal structures), or the direct
         * buffers without NMT.
         */
        long connectionRelated() {
            long nativeBytes = nativeByCategory.entrySet().stream().filter(e -> !NOT_PER_CONNECTION.contains(e.getKey()))
                    .mapToLong(Map.Entry::getValue).sum();
            return heapUsed + (nativeByCategory.isEmpty() ? direct : nativeBytes);
        }

        long nonHeap() {
            return nativeByCategory.entrySet().stream().filter(e -> !e.getKey().equals("Java Heap")).mapToLong(Map.Entry::getValue).sum();
        }

        String describe() {
            return String.format(Locale.ROOT, "heap used %s, direct buffers %s, non-heap (NMT) %s, RSS %s",
                    mib(heapUsed), mib(direct), nativeByCategory.isEmpty() ? "n/a" : mib(nonHeap()), rss < 0 ? "n/a" : mib(rss));
        }

        /** The NMT categories that grew or shrank by more than 1 MiB since {@code earlier}. */
        String nativeChanges(Memory earlier) {
            StringBuilder changes = new StringBuilder();
            nativeByCategory.forEach((category, bytes) -> {
                long delta = bytes - earlier.nativeByCategory.getOrDefault(category, 0L);
                if (Math.abs(delta) > 1 << 20) {
                    changes.append(changes.isEmpty() ? "" : ", ").append(category).append(delta > 0 ? " +" : " ").append(mib(delta));
                }
            });
            return changes.isEmpty() ? "none over 1 MiB" : changes.toString();
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
        double liveAfterGc = sum(metrics, "jvm_gc_live_data_size_bytes", "");
        if (collectFirst && serverPid > 0 && liveAfterGc > 0) {
            // what the full GC left, unaffected by what the server allocated since (a presence
            // renewal of 19,000 connections alone fills tens of MiB of young space in a second)
            heap = (long) liveAfterGc;
        }
        long direct = (long) sum(metrics, "jvm_buffer_memory_used_bytes", "id=\"direct\"");
        Map<String, Long> categories = new TreeMap<>();
        if (serverPid > 0) {
            String nmt = jcmd("VM.native_memory", "summary", "scale=KB");
            Matcher category = NMT_CATEGORY.matcher(nmt);
            while (category.find()) {
                categories.put(category.group(1).strip(), Long.parseLong(category.group(3)) * 1024);
            }
            if (categories.isEmpty() && !nmtMissingReported) {
                nmtMissingReported = true;
                Report.progress("no native memory tracking from the server (run it with -XX:NativeMemoryTracking=summary): %s",
                        nmt.strip().lines().limit(3).toList().toString().replace('%', ' '));
            }
        }
        return new Memory(heap, direct, categories, rss(serverPid));
    }

    /** The server's garbage-collection pauses so far: how many, and their total seconds (Micrometer's jvm_gc_pause). */
    double[] gcPauses() {
        try {
            String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(api + "/actuator/prometheus")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return new double[]{sum(metrics, "jvm_gc_pause_seconds_count", ""), sum(metrics, "jvm_gc_pause_seconds_sum", "")};
        } catch (IOException | InterruptedException unavailable) {
            return new double[]{0, 0};
        }
    }

    static String gcBetween(double[] before, double[] after) {
        return String.format(Locale.ROOT, "server GC: %.0f pauses, %.0f ms in all", after[0] - before[0], 1000 * (after[1] - before[1]));
    }

    /**
     * Starts a JFR recording in the server (profile settings), when {@code --profile-dir} asked
     * for one and the pid is known; {@link #stopProfile} writes it there as {@code NAME.jfr}.
     */
    void startProfile() throws IOException, InterruptedException {
        if (profileDir != null && serverPid > 0) {
            jcmd("JFR.start", "name=bench", "settings=profile");
        }
    }

    void stopProfile(String name) throws IOException, InterruptedException {
        if (profileDir != null && serverPid > 0) {
            Path file = profileDir.resolve(name.replaceAll("[^A-Za-z0-9.-]+", "-") + ".jfr").toAbsolutePath();
            jcmd("JFR.stop", "name=bench", "filename=" + file);
            Report.progress("server profile: %s", file);
        }
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

    /**
     * Cores used by each process between two {@link #cpu()} samples taken {@code elapsed} apart,
     * and by everything else on the machine (other people's builds on a shared machine show here).
     */
    static String cpuShare(Map<String, Double> before, Map<String, Double> after, Duration elapsed) {
        StringBuilder line = new StringBuilder();
        double seconds = elapsed.toNanos() / 1e9;
        double known = 0;
        for (Map.Entry<String, Double> entry : after.entrySet()) {
            double cores = (entry.getValue() - before.getOrDefault(entry.getKey(), 0.0)) / seconds;
            if (entry.getKey().equals("machine")) {
                line.append(String.format(Locale.ROOT, ", anything else %.2f (machine busy %.2f)", Math.max(0, cores - known), cores));
            } else {
                known += cores;
                line.append(line.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%s %.2f", entry.getKey(), cores));
            }
        }
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
