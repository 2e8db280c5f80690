package io.linnet.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Measures the developer API's authentication path on a running server: how many access tokens the
 * token endpoint issues per second, and how many authenticated {@code GET /v1/app} calls it serves
 * (each verifies the JWT and checks the key is still live in PostgreSQL), against the ceiling of an
 * unauthenticated endpoint that touches no database ({@code /actuator/health/liveness}).
 *
 * <p>Usage: {@code ApiBenchmark <baseUrl> <operatorEmail> <operatorPassword> [clients] [seconds]}
 */
public final class ApiBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** What one scenario measured. */
    record Result(String name, long requests, long errors, double seconds, long[] latenciesNanos) {

        double perSecond() {
            return requests / seconds;
        }

        double percentileMillis(double p) {
            if (latenciesNanos.length == 0) {
                return 0;
            }
            int index = (int) Math.min(latenciesNanos.length - 1, Math.ceil(p / 100.0 * latenciesNanos.length) - 1);
            return latenciesNanos[Math.max(index, 0)] / 1e6;
        }

        String row() {
            return String.format(Locale.ROOT, "| %s | %,.0f | %.2f | %.2f | %.2f | %d |",
                    name, perSecond(), percentileMillis(50), percentileMillis(95), percentileMillis(99), errors);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: ApiBenchmark <baseUrl> <operatorEmail> <operatorPassword> [clients] [seconds]");
            System.exit(2);
        }
        String base = args[0];
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 32;
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 15;

        String owner = "bench-" + UUID.randomUUID() + "@bench.test";
        String password = "bench-password-" + UUID.randomUUID();
        JsonNode tenant = post(base + "/ops/v1/tenants", basic(args[1], args[2]),
                "{\"name\":\"Bench " + UUID.randomUUID() + "\",\"owner\":{\"email\":\"" + owner + "\",\"password\":\"" + password + "\"}}");
        BenchPlan.moveTenant(base, basic(args[1], args[2]), tenant.get("tenant").get("id").asString());
        String appId = post(base + "/manage/v1/apps", basic(owner, password), "{\"name\":\"bench\"}").get("id").asString();
        JsonNode key = post(base + "/manage/v1/apps/" + appId + "/keys", basic(owner, password), "{\"name\":\"bench\"}");
        String keyAuth = basic(key.get("id").asString(), key.get("secret").asString());
        String token = tokenFor(base, keyAuth);

        HttpRequest liveness = HttpRequest.newBuilder(URI.create(base + "/actuator/health/liveness")).GET().build();
        HttpRequest app = HttpRequest.newBuilder(URI.create(base + "/v1/app")).header("Authorization", "Bearer " + token).GET().build();
        HttpRequest tokenRequest = HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Authorization", keyAuth)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();

        // the server's JIT needs a while on two cores; measure it warm, as it runs in production
        System.out.printf(Locale.ROOT, "Warming up (%d clients, %d s)...%n", clients, 3 * seconds);
        run("warm-up", liveness, clients, seconds);
        run("warm-up", app, clients, seconds);
        run("warm-up", tokenRequest, clients, seconds);

        List<Result> results = new ArrayList<>();
        results.add(run("GET /actuator/health/liveness (ceiling: no auth, no database)", liveness, clients, seconds));
        results.add(run("GET /v1/app (JWT + live-key check + tenant-scoped read)", app, clients, seconds));
        results.add(run("POST /oauth2/token (client_credentials: SHA-256 secret check, RS256-signed JWT)", tokenRequest, clients, seconds));

        System.out.println();
        System.out.printf(Locale.ROOT, "%d concurrent clients, %d s per scenario, HTTP/1.1 keep-alive%n%n", clients, seconds);
        System.out.println("| scenario | requests/s | p50 ms | p95 ms | p99 ms | errors |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        results.forEach(r -> System.out.println(r.row()));
        System.out.printf(Locale.ROOT, "%nAuthenticated /v1/app runs at %.0f%% of the no-auth ceiling.%n",
                100 * results.get(1).perSecond() / results.get(0).perSecond());
    }

    private static Result run(String name, HttpRequest request, int clients, int seconds) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<long[]>> workers = new ArrayList<>();
        long[] errors = new long[clients];
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                int client = c;
                workers.add(pool.submit(() -> {
                    long[] latencies = new long[1 << 16];
                    int n = 0;
                    while (!stop.get()) {
                        long t0 = System.nanoTime();
                        HttpResponse<Void> response = HTTP.send(request, HttpResponse.BodyHandlers.discarding());
                        long took = System.nanoTime() - t0;
                        if (response.statusCode() >= 400) {
                            errors[client]++;
                        }
                        if (n == latencies.length) {
                            latencies = Arrays.copyOf(latencies, n * 2);
                        }
                        latencies[n++] = took;
                    }
                    return Arrays.copyOf(latencies, n);
                }));
            }
            Thread.sleep(Duration.ofSeconds(seconds));
            stop.set(true);
            long[] all = new long[0];
            for (Future<long[]> worker : workers) {
                long[] part = worker.get();
                long[] merged = Arrays.copyOf(all, all.length + part.length);
                System.arraycopy(part, 0, merged, all.length, part.length);
                all = merged;
            }
            double elapsed = (System.nanoTime() - started) / 1e9;
            Arrays.sort(all);
            return new Result(name, all.length, Arrays.stream(errors).sum(), elapsed, all);
        }
    }

    private static String tokenFor(String base, String keyAuth) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Authorization", keyAuth)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(check(response)).get("access_token").asString();
    }

    private static JsonNode post(String url, String authorization, String json) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(check(response));
    }

    private static String check(HttpResponse<String> response) {
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(response.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
