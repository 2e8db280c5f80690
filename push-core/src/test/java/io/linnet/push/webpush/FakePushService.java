package io.linnet.push.webpush;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.linnet.push.provider.DeviceAddress;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local push service, as a browser vendor runs one. It hands out subscriptions the way a browser would (a fresh
 * P-256 key pair and auth secret per subscription, made for one application server key), and for every message
 * it checks the headers of RFC 8030, verifies the VAPID JWT of RFC 8292 with the key named in the request and
 * against this service's origin, and decrypts the aes128gcm body of RFC 8291 with the subscription's private key.
 * Its crypto is written here independently of the sender's, and checked on the RFC 8291 example.
 * What fails a check is answered as a push service would (400, 401, 403) and written down in {@link #problems()}.
 */
public final class FakePushService implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern VAPID = Pattern.compile("vapid t=([A-Za-z0-9_.-]+), ?k=([A-Za-z0-9_-]+)");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the service answers to messages for one subscription. */
    public record Reply(int status, Map<String, String> headers) {
    }

    /** A subscription: what the browser keeps (its private key) and what it gives the app server (the address). */
    public record Subscription(String id, DeviceAddress.WebPush address, KeyPair keys, byte[] auth) {
    }

    /** A message the service took: its headers, the decrypted payload, and the VAPID claims. */
    public record Received(String subscriptionId, Map<String, String> headers, String payload, JsonNode vapidClaims,
                    String vapidToken) {
    }

    private final String applicationServerKey;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    private final Map<String, java.util.Deque<Reply>> firstReplies = new ConcurrentHashMap<>();
    private final Map<String, List<Instant>> requestTimes = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();

    /** @param applicationServerKey the VAPID public key browsers subscribe with, base64url */
    public FakePushService(String applicationServerKey) throws IOException {
        this.applicationServerKey = applicationServerKey;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/push/", this::push);
        server.start();
    }

    /** The origin a VAPID token for this service must name as its audience. */
    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public Subscription subscribe() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            byte[] auth = new byte[16];
            RANDOM.nextBytes(auth);
            String id = UUID.randomUUID().toString();
            var address = new DeviceAddress.WebPush(URI.create(origin() + "/push/" + id),
                    base64Url(point((ECPublicKey) keys.getPublic())), base64Url(auth));
            Subscription subscription = new Subscription(id, address, keys, auth);
            subscriptions.put(id, subscription);
            return subscription;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public Subscription subscribe(int status, Map<String, String> headers) {
        Subscription subscription = subscribe();
        replies.put(subscription.id(), new Reply(status, headers));
        return subscription;
    }

    /** A subscription whose first messages get these answers, one each, before they are taken normally. */
    public Subscription subscribeAnsweringFirst(Reply... first) {
        Subscription subscription = subscribe();
        firstReplies.put(subscription.id(), new java.util.concurrent.ConcurrentLinkedDeque<>(List.of(first)));
        return subscription;
    }

    /** When each well-formed message for the subscription arrived. */
    public List<Instant> requests(String subscriptionId) {
        return List.copyOf(requestTimes.getOrDefault(subscriptionId, List.of()));
    }

    public List<Received> received() {
        return received;
    }

    public List<String> problems() {
        return problems;
    }

    private void push(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String id = exchange.getRequestURI().getPath().substring("/push/".length());
        Subscription subscription = subscriptions.get(id);
        if (subscription == null || !"POST".equals(exchange.getRequestMethod())) {
            respond(exchange, 404, Map.of());
            return;
        }
        var headers = exchange.getRequestHeaders();

        Matcher vapid = VAPID.matcher(String.valueOf(headers.getFirst("Authorization")));
        if (!vapid.matches()) {
            problem(exchange, 401, "Authorization is not 'vapid t=..., k=...': " + headers.getFirst("Authorization"));
            return;
        }
        JsonNode claims;
        try {
            claims = verifiedClaims(vapid.group(1), vapid.group(2));
        } catch (GeneralSecurityException | RuntimeException e) {
            problem(exchange, 401, "VAPID token not verified: " + e.getMessage());
            return;
        }
        if (!vapid.group(2).equals(applicationServerKey)) {
            // a real push service answers 403 when the key is not the one the subscription was made with
            respond(exchange, 403, Map.of());
            return;
        }

        String ttl = headers.getFirst("TTL");
        String urgency = headers.getFirst("Urgency");
        String topic = headers.getFirst("Topic");
        if (ttl == null || !ttl.matches("\\d+")) {
            problem(exchange, 400, "TTL is " + ttl);
            return;
        }
        if (urgency != null && !Set.of("very-low", "low", "normal", "high").contains(urgency)) {
            problem(exchange, 400, "Urgency is " + urgency);
            return;
        }
        if (topic != null && !topic.matches("[A-Za-z0-9_-]{1,32}")) {
            problem(exchange, 400, "Topic is " + topic);
            return;
        }
        if (!"aes128gcm".equals(headers.getFirst("Content-Encoding"))) {
            problem(exchange, 400, "Content-Encoding is " + headers.getFirst("Content-Encoding"));
            return;
        }
        if (body.length > 4096) {
            problem(exchange, 413, "body of " + body.length + " bytes");
            return;
        }
        requestTimes.computeIfAbsent(id, s -> new CopyOnWriteArrayList<>()).add(Instant.now());
        java.util.Deque<Reply> first = firstReplies.get(id);
        Reply once = first == null ? null : first.poll();
        if (once != null) {
            respond(exchange, once.status(), once.headers());
            return;
        }
        Reply reply = replies.get(id);
        if (reply != null) {
            respond(exchange, reply.status(), reply.headers());
            return;
        }
        String payload;
        try {
            payload = new String(decrypt(body, subscription.keys().getPrivate(),
                    point((ECPublicKey) subscription.keys().getPublic()), subscription.auth()), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | RuntimeException e) {
            problem(exchange, 400, "payload does not decrypt: " + e);
            return;
        }
        received.add(new Received(id, Map.of("TTL", ttl, "Urgency", String.valueOf(urgency),
                "Topic", String.valueOf(topic)), payload, claims, vapid.group(1)));
        respond(exchange, 201, Map.of("Location", origin() + "/message/" + UUID.randomUUID()));
    }

    private JsonNode verifiedClaims(String jwt, String key) throws GeneralSecurityException {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new GeneralSecurityException("not a JWS");
        }
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        if (!"ES256".equals(header.path("alg").asString(""))) {
            throw new GeneralSecurityException("alg is " + header.path("alg"));
        }
        Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
        es256.initVerify(publicKey(Base64.getUrlDecoder().decode(key)));
        es256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        if (!es256.verify(Base64.getUrlDecoder().decode(parts[2]))) {
            throw new GeneralSecurityException("bad signature");
        }
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        if (!origin().equals(claims.path("aud").asString(""))) {
            throw new GeneralSecurityException("aud is " + claims.path("aud") + ", not " + origin());
        }
        long now = Instant.now().getEpochSecond();
        long exp = claims.path("exp").asLong(0);
        if (exp <= now || exp > now + 24 * 3600) {
            throw new GeneralSecurityException("exp is " + exp);
        }
        String sub = claims.path("sub").asString("");
        if (!sub.startsWith("mailto:") && !sub.startsWith("https:")) {
            throw new GeneralSecurityException("sub is " + sub);
        }
        return claims;
    }

    /** RFC 8291 decryption, as the browser does it. */
    static byte[] decrypt(byte[] body, PrivateKey receiverPrivate, byte[] receiverPublic, byte[] auth)
            throws GeneralSecurityException {
        ByteBuffer in = ByteBuffer.wrap(body);
        byte[] salt = new byte[16];
        in.get(salt);
        int recordSize = in.getInt();
        byte[] senderPublic = new byte[in.get() & 0xff];
        in.get(senderPublic);
        byte[] ciphertext = new byte[in.remaining()];
        in.get(ciphertext);
        if (ciphertext.length > recordSize || ciphertext.length < 17) {
            throw new GeneralSecurityException("not one record of size " + recordSize);
        }

        KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
        ecdh.init(receiverPrivate);
        ecdh.doPhase(publicKey(senderPublic), true);
        byte[] ecdhSecret = ecdh.generateSecret();

        byte[] keyInfo = ByteBuffer.allocate(14 + 65 + 65 + 1).put("WebPush: info\0".getBytes(StandardCharsets.US_ASCII))
                .put(receiverPublic).put(senderPublic).put((byte) 1).array();
        byte[] ikm = hmacSha256(hmacSha256(auth, ecdhSecret), keyInfo);
        byte[] prk = hmacSha256(salt, ikm);
        byte[] cek = Arrays.copyOf(hmacSha256(prk, info("Content-Encoding: aes128gcm\0")), 16);
        byte[] nonce = Arrays.copyOf(hmacSha256(prk, info("Content-Encoding: nonce\0")), 12);

        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        byte[] padded = aes.doFinal(ciphertext);
        int end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) {
            end--;
        }
        if (end < 0 || padded[end] != 2) {
            throw new GeneralSecurityException("the last record has no 0x02 delimiter");
        }
        return Arrays.copyOf(padded, end);
    }

    private static byte[] info(String label) {
        byte[] text = label.getBytes(StandardCharsets.US_ASCII);
        byte[] info = Arrays.copyOf(text, text.length + 1);
        info[text.length] = 1;
        return info;
    }

    private static byte[] hmacSha256(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    static ECPublicKey publicKey(byte[] point) throws GeneralSecurityException {
        if (point.length != 65 || point[0] != 4) {
            throw new GeneralSecurityException("not an uncompressed point");
        }
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECPoint w = new ECPoint(new BigInteger(1, Arrays.copyOfRange(point, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(point, 33, 65)));
        return (ECPublicKey) KeyFactory.getInstance("EC")
                .generatePublic(new ECPublicKeySpec(w, parameters.getParameterSpec(ECParameterSpec.class)));
    }

    public static byte[] point(ECPublicKey key) {
        byte[] x = key.getW().getAffineX().toByteArray();
        byte[] y = key.getW().getAffineY().toByteArray();
        byte[] point = new byte[65];
        point[0] = 4;
        System.arraycopy(x, Math.max(0, x.length - 32), point, 1 + Math.max(0, 32 - x.length), Math.min(32, x.length));
        System.arraycopy(y, Math.max(0, y.length - 32), point, 33 + Math.max(0, 32 - y.length), Math.min(32, y.length));
        return point;
    }

    public static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private void problem(HttpExchange exchange, int status, String problem) throws IOException {
        problems.add(problem);
        respond(exchange, status, Map.of());
    }

    private static void respond(HttpExchange exchange, int status, Map<String, String> headers) throws IOException {
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
