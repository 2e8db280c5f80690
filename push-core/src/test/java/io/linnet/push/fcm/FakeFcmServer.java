package io.linnet.push.fcm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays Google's OAuth token endpoint and the FCM v1 API on one local port, and checks what it receives.
 *
 * <p>Token endpoint ({@code POST /token}): the JWT-bearer grant, whose assertion must be signed (RS256) by the test
 * service account's key, issued by its client email, for the FCM scope, with Google's token endpoint as audience.
 * FCM ({@code POST /v1/projects/{id}/messages:send}): a bearer token this fake issued and has not revoked, the
 * project id of the service account, and a message body of the v1 shape. Whatever breaks those rules is answered
 * as FCM would (401, 400) and written down in {@link #problems()}, so a test can insist there are none.
 */
public final class FakeFcmServer implements AutoCloseable {

    public static final String PROJECT_ID = "linnet-fcm-test";
    public static final String CLIENT_EMAIL = "push@linnet-fcm-test.iam.gserviceaccount.com";
    static final String KEY_ID = "0123456789abcdef";
    /** The id of a key of the test account that Google has revoked: its grants are refused, as expected, not a problem. */
    static final String REVOKED_KEY_ID = "fedcba9876543210";
    static final String GOOGLE_TOKEN_ENDPOINT = "https://oauth2.googleapis.com/token";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern SEND_PATH = Pattern.compile("/v1/projects/([^/]+)/messages:send");

    /** What FCM answers for one registration token. */
    public record Reply(int status, String body, Map<String, String> headers) {

        public static Reply error(int status, String grpcStatus, String fcmErrorCode, String message) {
            String details = fcmErrorCode == null ? "[]" : """
                    [{"@type":"type.googleapis.com/google.firebase.fcm.v1.FcmError","errorCode":"%s"}]"""
                    .formatted(fcmErrorCode);
            return new Reply(status, """
                    {"error":{"code":%d,"message":"%s","status":"%s","details":%s}}"""
                    .formatted(status, message, grpcStatus, details), Map.of());
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> more = new HashMap<>(headers);
            more.put(name, value);
            return new Reply(status, body, more);
        }
    }

    /** The test service account's key, made once per test run (RSA key generation is slow). */
    private static final KeyPair ACCOUNT_KEY = rsaKeyPair();

    private final KeyPair accountKey;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    private final Map<String, java.util.Deque<Reply>> firstReplies = new ConcurrentHashMap<>();
    private final Map<String, List<Instant>> requestTimes = new ConcurrentHashMap<>();
    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final AtomicInteger revokedKeyGrants = new AtomicInteger();
    private final AtomicInteger sendRequests = new AtomicInteger();
    private final AtomicInteger messageIds = new AtomicInteger();
    private final List<JsonNode> messages = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private volatile boolean refuseEveryAccessToken;
    private volatile long answerDelayMillis;
    private final AtomicInteger concurrentSends = new AtomicInteger();
    private final AtomicInteger mostConcurrentSends = new AtomicInteger();

    public FakeFcmServer() throws IOException {
        accountKey = ACCOUNT_KEY;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/token", this::token);
        server.createContext("/v1/", this::send);
        server.start();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Where this fake mints access tokens: the server's {@code linnet.push.fcm-token-uri} in tests. */
    public URI tokenUri() {
        return URI.create(baseUrl() + "/token");
    }

    /** The service account JSON, as the Firebase console hands it out, with this fake as its token endpoint. */
    public String serviceAccountJson() {
        return serviceAccountJson(accountKey.getPrivate(), PROJECT_ID);
    }

    /** The same account with a key this fake's token endpoint does not know. */
    String serviceAccountJsonWithAnUnknownKey() {
        return serviceAccountJson(rsaKeyPair().getPrivate(), PROJECT_ID);
    }

    /**
     * The same account with a key that was deleted in Google's console: the token endpoint refuses its grants
     * ({@code 400 invalid_grant}), and since that is what a test means to happen, does not list them as problems.
     */
    public String serviceAccountJsonWithARevokedKey() {
        return serviceAccountJson(rsaKeyPair().getPrivate(), PROJECT_ID).replace(KEY_ID, REVOKED_KEY_ID);
    }

    /** Grants refused because their key was revoked. */
    public int revokedKeyGrants() {
        return revokedKeyGrants.get();
    }

    static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String serviceAccountJson(PrivateKey key, String projectId) {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Map<String, String> account = new HashMap<>(Map.of(
                "type", "service_account",
                "private_key_id", KEY_ID,
                "private_key", pem,
                "client_email", CLIENT_EMAIL,
                "client_id", "100000000000000000001",
                "token_uri", tokenUri().toString()));
        if (projectId != null) {
            account.put("project_id", projectId);
        }
        return JSON.writeValueAsString(account);
    }

    public void reply(String registrationToken, Reply reply) {
        replies.put(registrationToken, reply);
    }

    /** The next messages for {@code registrationToken} get these answers, one each, then it is handled normally. */
    public void replyFirst(String registrationToken, Reply... first) {
        firstReplies.put(registrationToken, new java.util.concurrent.ConcurrentLinkedDeque<>(List.of(first)));
    }

    /** When each well-formed message for {@code registrationToken} arrived. */
    public List<Instant> requests(String registrationToken) {
        return List.copyOf(requestTimes.getOrDefault(registrationToken, List.of()));
    }

    /** Access tokens issued so far stop working, as when Google revokes them early. */
    void revokeIssuedTokens() {
        validTokens.clear();
    }

    /** Every access token is refused, even a fresh one: a project that lost FCM permission. */
    void refuseEveryAccessToken() {
        refuseEveryAccessToken = true;
    }

    /** FCM takes this long to answer each message. */
    public void answerAfter(java.time.Duration delay) {
        answerDelayMillis = delay.toMillis();
    }

    /** The most messages that were being answered at the same time. */
    int mostConcurrentSends() {
        return mostConcurrentSends.get();
    }

    int tokenRequests() {
        return tokenRequests.get();
    }

    public int sendRequests() {
        return sendRequests.get();
    }

    /** The {@code message} objects of accepted sends. */
    public List<JsonNode> messages() {
        return messages;
    }

    public List<String> problems() {
        return problems;
    }

    private void token(HttpExchange exchange) throws IOException {
        tokenRequests.incrementAndGet();
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (REVOKED_KEY_ID.equals(keyId(form))) {
            revokedKeyGrants.incrementAndGet();
            respond(exchange, 400, Map.of(), """
                    {"error":"invalid_grant","error_description":"Invalid JWT Signature."}""");
            return;
        }
        String problem = grantProblem(form);
        if (problem != null) {
            problems.add("token endpoint: " + problem);
            respond(exchange, 400, Map.of(), """
                    {"error":"invalid_grant","error_description":"%s"}""".formatted(problem));
            return;
        }
        String accessToken = "ya29.fake-" + UUID.randomUUID();
        validTokens.add(accessToken);
        respond(exchange, 200, Map.of(), """
                {"access_token":"%s","expires_in":3599,"token_type":"Bearer"}""".formatted(accessToken));
    }

    private static String keyId(Map<String, String> form) {
        try {
            String header = form.getOrDefault("assertion", "").split("\\.")[0];
            return JSON.readTree(Base64.getUrlDecoder().decode(header)).path("kid").asString("");
        } catch (RuntimeException unreadable) {
            return "";
        }
    }

    private String grantProblem(Map<String, String> form) {
        if (!"urn:ietf:params:oauth:grant-type:jwt-bearer".equals(form.get("grant_type"))) {
            return "grant_type is " + form.get("grant_type");
        }
        String[] jwt = form.getOrDefault("assertion", "").split("\\.");
        if (jwt.length != 3) {
            return "assertion is not a signed JWT";
        }
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(accountKey.getPublic());
            rs256.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rs256.verify(Base64.getUrlDecoder().decode(jwt[2]))) {
                return "Invalid JWT Signature.";
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return "Invalid JWT Signature.";
        }
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(jwt[0]));
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jwt[1]));
        long now = Instant.now().getEpochSecond();
        if (!"RS256".equals(header.path("alg").asString(""))) {
            return "alg is " + header.path("alg");
        }
        if (!KEY_ID.equals(header.path("kid").asString(""))) {
            return "kid is " + header.path("kid");
        }
        if (!CLIENT_EMAIL.equals(claims.path("iss").asString(""))) {
            return "iss is " + claims.path("iss");
        }
        // google-auth-library posts to the account's token_uri but always names Google's token endpoint as the
        // audience, which is what Google checks; a staging token endpoint has to accept that audience too
        if (!GOOGLE_TOKEN_ENDPOINT.equals(claims.path("aud").asString(""))) {
            return "aud is " + claims.path("aud") + ", not " + GOOGLE_TOKEN_ENDPOINT;
        }
        if (!List.of(claims.path("scope").asString("").split(" ")).contains(FcmAccessTokens.SCOPE)) {
            return "scope is " + claims.path("scope");
        }
        long iat = claims.path("iat").asLong(0);
        long exp = claims.path("exp").asLong(0);
        if (Math.abs(iat - now) > 300 || exp <= now || exp - iat > 3600) {
            return "iat/exp out of range: " + iat + "/" + exp;
        }
        return null;
    }

    private void send(HttpExchange exchange) throws IOException {
        mostConcurrentSends.accumulateAndGet(concurrentSends.incrementAndGet(), Math::max);
        try {
            if (answerDelayMillis > 0) {
                Thread.sleep(answerDelayMillis);
            }
            answerSend(exchange);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            concurrentSends.decrementAndGet();
        }
    }

    private void answerSend(HttpExchange exchange) throws IOException {
        sendRequests.incrementAndGet();
        byte[] body = exchange.getRequestBody().readAllBytes();
        Matcher path = SEND_PATH.matcher(exchange.getRequestURI().getPath());
        if (!"POST".equals(exchange.getRequestMethod()) || !path.matches()) {
            problems.add("send: " + exchange.getRequestMethod() + " " + exchange.getRequestURI());
            respond(exchange, 404, Map.of(), Reply.error(404, "NOT_FOUND", null, "Not found").body());
            return;
        }
        if (!PROJECT_ID.equals(path.group(1))) {
            problems.add("send: project " + path.group(1));
            respond(exchange, 404, Map.of(), Reply.error(404, "NOT_FOUND", null, "Requested entity was not found.").body());
            return;
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (refuseEveryAccessToken || authorization == null || !authorization.startsWith("Bearer ")
                || !validTokens.contains(authorization.substring("Bearer ".length()))) {
            respond(exchange, 401, Map.of("WWW-Authenticate", "Bearer realm=\"https://accounts.google.com/\""),
                    Reply.error(401, "UNAUTHENTICATED", null,
                            "Request had invalid authentication credentials.").body());
            return;
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.startsWith("application/json")) {
            problems.add("send: Content-Type " + contentType);
        }
        JsonNode message = JSON.readTree(body).path("message");
        String problem = messageProblem(message);
        if (problem != null) {
            problems.add("send: " + problem);
            respond(exchange, 400, Map.of(), Reply.error(400, "INVALID_ARGUMENT", null, problem).body());
            return;
        }
        String registrationToken = message.path("token").asString();
        requestTimes.computeIfAbsent(registrationToken, t -> new CopyOnWriteArrayList<>()).add(Instant.now());
        java.util.Deque<Reply> first = firstReplies.get(registrationToken);
        Reply once = first == null ? null : first.poll();
        if (once != null) {
            respond(exchange, once.status(), once.headers(), once.body());
            return;
        }
        Reply scripted = replies.get(registrationToken);
        if (scripted != null) {
            respond(exchange, scripted.status(), scripted.headers(), scripted.body());
            return;
        }
        messages.add(message);
        respond(exchange, 200, Map.of(), """
                {"name":"projects/%s/messages/%d"}""".formatted(PROJECT_ID, messageIds.incrementAndGet()));
    }

    /** The parts of the v1 message format Linnet writes; FCM answers 400 to each of these mistakes. */
    private static String messageProblem(JsonNode message) {
        if (!message.isObject()) {
            return "no message object";
        }
        if (!message.path("token").isString() || message.path("token").asString().isBlank()) {
            return "message.token missing";
        }
        if (message.has("topic") || message.has("condition")) {
            return "more than one target";
        }
        JsonNode notification = message.path("notification");
        if (!notification.isMissingNode()) {
            for (var field : notification.properties()) {
                if (!Set.of("title", "body", "image").contains(field.getKey()) || !field.getValue().isString()) {
                    return "message.notification." + field.getKey() + " is not allowed";
                }
            }
        }
        for (var entry : message.path("data").properties()) {
            if (!entry.getValue().isString()) {
                return "message.data." + entry.getKey() + " is not a string";
            }
        }
        JsonNode android = message.path("android");
        if (!android.isMissingNode()) {
            if (!Set.of("HIGH", "NORMAL").contains(android.path("priority").asString(""))) {
                return "message.android.priority is " + android.path("priority");
            }
            if (android.has("ttl") && !android.path("ttl").asString("").matches("\\d+(\\.\\d{1,9})?s")) {
                return "message.android.ttl is " + android.path("ttl");
            }
        }
        for (var header : message.path("apns").path("headers").properties()) {
            if (!header.getValue().isString()) {
                return "message.apns.headers." + header.getKey() + " is not a string";
            }
        }
        for (var header : message.path("webpush").path("headers").properties()) {
            if (!header.getValue().isString()) {
                return "message.webpush.headers." + header.getKey() + " is not a string";
            }
        }
        return null;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void respond(HttpExchange exchange, int status, Map<String, String> headers, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
