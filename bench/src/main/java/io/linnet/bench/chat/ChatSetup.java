package io.linnet.bench.chat;

import io.linnet.bench.BenchPlan;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.IntFunction;

/**
 * Sets up what the chat scenarios need through the server's REST APIs, as a customer would: the
 * operator creates a tenant, its owner an app and an app key; the app's backend (client
 * credentials) creates end users, conversations and one user token per client.
 */
final class ChatSetup {

    /** A user with a token for one client. */
    record ChatUser(String userId, String token) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final int CONCURRENCY = 32;

    private final String api;
    private final String keyAuth;
    private final String ownerAuth;
    private final String appId;
    private volatile String accessToken;
    private volatile String websocketUrl;

    private ChatSetup(String api, String keyAuth, String ownerAuth, String appId) {
        this.api = api;
        this.keyAuth = keyAuth;
        this.ownerAuth = ownerAuth;
        this.appId = appId;
    }

    /** A fresh tenant with one app, and an app key with every scope. */
    static ChatSetup newTenant(String api, String operatorEmail, String operatorPassword) throws Exception {
        String owner = "chat-bench-" + UUID.randomUUID() + "@bench.test";
        String password = "bench-password-" + UUID.randomUUID();
        JsonNode tenant = call("POST", api + "/ops/v1/tenants", basic(operatorEmail, operatorPassword),
                "{\"name\":\"Chat bench " + UUID.randomUUID() + "\",\"owner\":{\"email\":\"" + owner + "\",\"password\":\"" + password + "\"}}");
        BenchPlan.moveTenant(api, basic(operatorEmail, operatorPassword), tenant.get("tenant").get("id").asString());
        String appId = call("POST", api + "/manage/v1/apps", basic(owner, password), "{\"name\":\"chat-bench\"}").get("id").asString();
        JsonNode key = call("POST", api + "/manage/v1/apps/" + appId + "/keys", basic(owner, password), "{\"name\":\"chat-bench\"}");
        ChatSetup setup = new ChatSetup(api, basic(key.get("id").asString(), key.get("secret").asString()),
                basic(owner, password), appId);
        setup.renewAccessToken();
        return setup;
    }

    /** A new access token (they live an hour; a full run may outlast one). */
    void renewAccessToken() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(api + "/oauth2/token"))
                .header("Authorization", keyAuth)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
        accessToken = Frames.JSON.readTree(check(response)).get("access_token").asString();
    }

    /** The {@code websocketUrl} the token answers carried, once a token was minted and if the server sends one. */
    Optional<String> websocketUrl() {
        return Optional.ofNullable(websocketUrl);
    }

    /** Creates users {@code prefix-000000} ... and mints a token for each, 32 requests at a time. */
    List<ChatUser> users(String prefix, int count) throws Exception {
        renewAccessToken();
        return inParallel(count, i -> {
            String userId = String.format("%s-%06d", prefix, i);
            call("PUT", api + "/v1/users/" + userId, bearer(), "{\"name\":\"" + userId + "\"}");
            JsonNode token = call("POST", api + "/v1/users/" + userId + "/tokens", bearer(), "{}");
            if (token.hasNonNull("websocketUrl")) {
                websocketUrl = token.get("websocketUrl").asString();
            }
            return new ChatUser(userId, token.get("token").asString());
        });
    }

    /** One direct conversation per pair of consecutive users; answers their ids in pair order. */
    List<String> directPairs(List<ChatUser> users) throws Exception {
        return inParallel(users.size() / 2, pair -> call("POST", api + "/v1/conversations", bearer(),
                "{\"type\":\"direct\",\"members\":[\"" + users.get(2 * pair).userId() + "\",\"" + users.get(2 * pair + 1).userId() + "\"]}")
                .get("id").asString());
    }

    /** One group of all {@code users}, the first its owner. */
    String group(List<ChatUser> users) throws Exception {
        StringBuilder members = new StringBuilder();
        for (ChatUser user : users) {
            members.append(members.isEmpty() ? "\"" : ",\"").append(user.userId()).append('"');
        }
        return call("POST", api + "/v1/conversations", bearer(), "{\"type\":\"group\",\"name\":\"bench group\",\"members\":["
                + members + "],\"owner\":\"" + users.getFirst().userId() + "\",\"memberLimit\":" + Math.max(2, users.size()) + "}")
                .get("id").asString();
    }

    /**
     * Gives the app one BLOCK rule of {@code count} keywords (half Latin words, half Chinese), as a
     * tenant admin would upload a list: through the moderation API, the terms as a text file.
     * None of them occurs in the benchmark's texts, so every message is checked and none is refused.
     */
    String keywordRule(int count) throws Exception {
        String rules = api + "/manage/v1/apps/" + appId + "/moderation/rules";
        String id = call("POST", rules, ownerAuth, "{\"name\":\"bench keywords\",\"kind\":\"keywords\",\"action\":\"block\","
                + "\"scope\":\"all\",\"terms\":[\"seed\"]}").get("id").asString();
        StringBuilder terms = new StringBuilder();
        for (int i = 0; i < count; i++) {
            terms.append(i % 2 == 0 ? latinWord(i) : chineseWord(i)).append('\n');
        }
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(rules + "/" + id + "/terms"))
                .header("Authorization", ownerAuth)
                .header("Content-Type", "text/plain; charset=utf-8")
                .PUT(HttpRequest.BodyPublishers.ofString(terms.toString())).build(), HttpResponse.BodyHandlers.ofString());
        check(response);
        return id;
    }

    /** Deletes a rule {@link #keywordRule} made. */
    void deleteRule(String ruleId) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(api + "/manage/v1/apps/" + appId + "/moderation/rules/" + ruleId))
                .header("Authorization", ownerAuth)
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        check(response);
    }

    /** A made-up Latin word, deterministic per index: consonant-vowel syllables and the index in letters. */
    private static String latinWord(int index) {
        String consonants = "bcdfghjklmnprstvz";
        String vowels = "aeiou";
        StringBuilder word = new StringBuilder();
        int n = index;
        do {
            word.append(consonants.charAt(n % consonants.length())).append(vowels.charAt((n / 7) % vowels.length()));
            n /= consonants.length();
        } while (n > 0);
        return word.append("qu").toString();
    }

    /** Two to four CJK characters, deterministic per index. */
    private static String chineseWord(int index) {
        StringBuilder word = new StringBuilder();
        int length = 2 + index % 3;
        for (int c = 0; c < length; c++) {
            word.appendCodePoint(0x4E00 + (index * 31 + c * 977) % 20_000);
        }
        return word.toString();
    }

    private String bearer() {
        return "Bearer " + accessToken;
    }

    private interface Call<T> {
        T run(int index) throws Exception;
    }

    private static <T> List<T> inParallel(int count, Call<T> call) throws Exception {
        Semaphore permits = new Semaphore(CONCURRENCY);
        List<Future<T>> results = new ArrayList<>(count);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                int index = i;
                permits.acquire();
                results.add(threads.submit(() -> {
                    try {
                        return call.run(index);
                    } finally {
                        permits.release();
                    }
                }));
            }
        }
        IntFunction<T> get = i -> {
            try {
                return results.get(i).get();
            } catch (Exception e) {
                throw new IllegalStateException("set-up call failed: " + e.getMessage(), e);
            }
        };
        List<T> answers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            answers.add(get.apply(i));
        }
        return answers;
    }

    private static JsonNode call(String method, String url, String authorization, String json) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        return Frames.JSON.readTree(check(response));
    }

    private static String check(HttpResponse<String> response) {
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
