package io.linnet.bench.push;

import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Measures the push pipeline against its ceiling in one run: a warm-up broadcast; a bare Pushy client sending N
 * notifications straight to the accept-all APNs mock; the server broadcasting to N APNs devices (job, outbox
 * expansion, claims, sends, recorded states and counters); the bare client again; a broadcast to FCM devices; and a
 * large mixed broadcast, timed to its last delivery. Prints a report with the figures and the ratios.
 */
public final class PushBenchmark {

    /** The server's APNs sender keeps this many notifications in flight on its one connection; the bare client too. */
    private static final int IN_FLIGHT = 1000;

    private PushBenchmark() {
    }

    /** A broadcast as measured from outside: to the provider's last acceptance, and to the recorded completion. */
    private record Broadcast(int devices, Duration toLastDelivery, Duration jobCompleted, JsonNode job) {

        double rate() {
            return devices * 1000.0 / Math.max(1, jobCompleted.toMillis());
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Path work = Files.createTempDirectory("linnet-push-bench-");
        System.out.printf("Push benchmark, %s, %d cores, JDK %s%n", LocalDate.now(), Runtime.getRuntime().availableProcessors(),
                Runtime.version());
        try (ApnsMock apns = new ApnsMock(); FcmFake fcm = new FcmFake()) {
            Map<String, String> providers = Map.of(
                    "LINNET_PUSH_APNS_PRODUCTION_HOST", "localhost",
                    "LINNET_PUSH_APNS_PRODUCTION_PORT", String.valueOf(apns.port()),
                    "LINNET_PUSH_APNS_SANDBOX_HOST", "localhost",
                    "LINNET_PUSH_APNS_SANDBOX_PORT", String.valueOf(apns.port()),
                    "LINNET_PUSH_APNS_TRUSTED_CERTIFICATE", apns.certificateFile().toString(),
                    "LINNET_PUSH_FCM_BASE_URL", fcm.baseUrl().toString(),
                    "LINNET_PUSH_FCM_TOKEN_URI", fcm.baseUrl() + "/token",
                    // far above what this machine reaches: the limiter runs (a Redis call per batch) but never holds back
                    "LINNET_PUSH_APP_SEND_RATE", System.getenv().getOrDefault("LINNET_PUSH_APP_SEND_RATE", "100000"));
            try (ServerProcess server = ServerProcess.start(options, providers, work)) {
                System.out.printf("Server pid %d at %s; APNs mock on %d; FCM fake at %s%n%n", server.pid(), server.api(),
                        apns.port(), fcm.baseUrl());

                Broadcast warmup = broadcast(server, apns, fcm, "warm-up", options, options.warmup(), 0);
                System.out.printf("warm-up: %,d APNs devices in %.2f s%n", warmup.devices(), seconds(warmup.jobCompleted()));

                // the bare client gets its own warm-up, so neither side is measured while the JIT compiles it
                BareApnsClient.send(apns, tokens(options.sustained()), IN_FLIGHT);
                Duration bareBefore = BareApnsClient.send(apns, tokens(options.sustained()), IN_FLIGHT);
                Broadcast pipeline = broadcast(server, apns, fcm, "sustained", options, options.sustained(), 0);
                Duration bareAfter = BareApnsClient.send(apns, tokens(options.sustained()), IN_FLIGHT);
                Broadcast fcmRun = broadcast(server, apns, fcm, "fcm", options, 0, options.fcm());
                int bigFcm = options.broadcast() / 5;
                Broadcast big = broadcast(server, apns, fcm, "broadcast", options, options.broadcast() - bigFcm, bigFcm);

                double bare = (rate(options.sustained(), bareBefore) + rate(options.sustained(), bareAfter)) / 2;
                System.out.println();
                System.out.println("| run | notifications | time | notifications/s |");
                System.out.println("|---|---:|---:|---:|");
                row("bare Pushy client → APNs mock (ceiling, before)", options.sustained(), bareBefore);
                row("bare Pushy client → APNs mock (ceiling, after)", options.sustained(), bareAfter);
                System.out.printf("| pipeline → APNs mock (job created → completed) | %,d | %.2f s | %,.0f |%n",
                        pipeline.devices(), seconds(pipeline.jobCompleted()), pipeline.rate());
                System.out.printf("| pipeline → FCM fake (job created → completed) | %,d | %.2f s | %,.0f |%n",
                        fcmRun.devices(), seconds(fcmRun.jobCompleted()), fcmRun.rate());
                System.out.printf("| broadcast, %,d APNs + %,d FCM: to the last delivery | %,d | %.2f s | %,.0f |%n",
                        big.devices() - bigFcm, bigFcm, big.devices(), seconds(big.toLastDelivery()),
                        big.devices() * 1000.0 / Math.max(1, big.toLastDelivery().toMillis()));
                System.out.printf("| broadcast: to the job completed (every state recorded) | %,d | %.2f s | %,.0f |%n",
                        big.devices(), seconds(big.jobCompleted()), big.rate());
                System.out.println();
                System.out.printf("Pipeline through APNs: %,.0f notifications/s = %.0f %% of the bare client's %,.0f/s "
                        + "(targets: >= 3,000/s and >= 70 %%)%n", pipeline.rate(), 100 * pipeline.rate() / bare, bare);
                System.out.printf("100,000-device class broadcast: last delivery after %.2f s, job completed after %.2f s%n",
                        seconds(big.toLastDelivery()), seconds(big.jobCompleted()));
            }
        } finally {
            if (!"1".equals(System.getenv("LINNET_BENCH_KEEP"))) {
                try (var files = Files.walk(work)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            } else {
                System.out.println("Kept " + work);
            }
        }
    }

    private static Broadcast broadcast(ServerProcess server, ApnsMock apns, FcmFake fcm, String name, Options options,
                                       int apnsDevices, int fcmDevices) throws Exception {
        PushSetup app = PushSetup.newApp(server, name, fcm);
        app.devices(options, apnsDevices, fcmDevices);
        long apnsBefore = apns.accepted();
        long fcmBefore = fcm.messages();
        long started = System.nanoTime();
        String push = app.broadcast();
        JsonNode job = app.completed(push, Duration.ofMinutes(15));
        long last = Math.max(apnsDevices > 0 ? apns.lastAcceptedNanos() : 0, fcmDevices > 0 ? fcm.lastMessageNanos() : 0);
        int devices = apnsDevices + fcmDevices;
        JsonNode counts = job.get("counts");
        if (counts.get("delivered").asInt() != devices || apns.accepted() - apnsBefore != apnsDevices
                || fcm.messages() - fcmBefore != fcmDevices) {
            throw new IllegalStateException(name + ": expected " + devices + " delivered, the job says " + counts
                    + ", APNs took " + (apns.accepted() - apnsBefore) + ", FCM " + (fcm.messages() - fcmBefore));
        }
        return new Broadcast(devices, Duration.ofNanos(last - started), PushSetup.took(job), job);
    }

    private static List<String> tokens(int count) {
        List<String> tokens = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] token = new byte[32];
            ThreadLocalRandom.current().nextBytes(token);
            tokens.add(HexFormat.of().formatHex(token));
        }
        return tokens;
    }

    private static void row(String name, int notifications, Duration took) {
        System.out.printf("| %s | %,d | %.2f s | %,.0f |%n", name, notifications, seconds(took), rate(notifications, took));
    }

    private static double rate(int notifications, Duration took) {
        return notifications * 1000.0 / Math.max(1, took.toMillis());
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
