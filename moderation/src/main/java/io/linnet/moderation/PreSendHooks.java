package io.linnet.moderation;

import io.linnet.moderation.hook.HookCall;
import io.linnet.moderation.hook.HookDecision;
import io.linnet.tenancy.outbound.OutboundGuard;
import io.linnet.tenancy.outbound.OutboundRefused;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Asks an app's pre-send hook about a message: posts it, signed with the app's secret, to the tenant's URL and reads
 * the signed answer (allow, block or replace). The hook is on the send path, so the wait is bounded by the app's
 * timeout and every way the hook can fail, from a refused connection to a forged answer, becomes a
 * {@link HookDecision.Failed} for the app's failure policy to settle. The protocol is in {@code docs/moderation.md}.
 */
@Component
public class PreSendHooks {

    /** The header carrying {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t." + body>}, on requests and answers. */
    public static final String SIGNATURE_HEADER = "Linnet-Signature";
    /** The header naming the event, so one tenant endpoint may serve several. */
    public static final String EVENT_HEADER = "Linnet-Event";
    public static final String EVENT = "message.presend";
    /** How far a signature's time may be from now, either way, before it counts as a replay. */
    public static final Duration REPLAY_TOLERANCE = Duration.ofMinutes(5);
    static final int MAX_ANSWER_BYTES = 64 * 1024;
    static final int MAX_REASON_LENGTH = 256;
    static final String USER_AGENT = "Linnet/0.1";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final HexFormat HEX = HexFormat.of();

    private final OutboundGuard urls;
    private final OkHttpClient http;
    private final Clock clock;

    @Autowired
    public PreSendHooks(ModerationSettings settings) {
        this(new OutboundGuard(settings.allowInsecureHooks()), Clock.systemUTC());
    }

    PreSendHooks(OutboundGuard urls, Clock clock) {
        // One client for every app, so connections to a hook are kept alive between sends. It is the outbound
        // guard's: every connection, kept alive or new, goes to a public address whatever the hook's name resolves
        // to by then, and a redirect is answered as a failure, never followed. Each call's deadline is set in ask.
        this.urls = urls;
        this.http = urls.httpClient()
                .connectTimeout(PreSendHookSettings.MAX_TIMEOUT)
                .build();
        this.clock = clock;
    }

    /**
     * Posts the call to the app's hook and waits at most {@code settings.timeout()}, connecting included. Never throws
     * for network, HTTP or answer problems: those come back as {@link HookDecision.Failed}, whose reason is a
     * category for logs (never an address, nor what the hook's network said), while the sender only ever hears that
     * the hook did not answer.
     */
    public HookDecision ask(PreSendHookSettings settings, HookCall call) {
        HttpUrl url;
        try {
            urls.checkForm(settings.url());
            url = HttpUrl.get(settings.url());
        } catch (OutboundRefused refused) {
            return new HookDecision.Failed("the hook's address is refused (" + refused.kind() + ")");
        }
        if (url == null) {
            return new HookDecision.Failed("the hook's address is not an http(s) URL");
        }
        byte[] body = JSON.writeValueAsBytes(payload(call));
        Request request = new Request.Builder()
                .url(url)
                .header("User-Agent", USER_AGENT)
                .header(EVENT_HEADER, EVENT)
                .header(SIGNATURE_HEADER, sign(settings.secret(), clock.instant().getEpochSecond(), body))
                .post(RequestBody.create(body, JSON_TYPE))
                .build();
        Call asked = http.newCall(request);
        asked.timeout().timeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        try (Response response = asked.execute()) {
            if (response.code() / 100 != 2) {
                return new HookDecision.Failed("the hook answered HTTP " + response.code());
            }
            return decision(response.header(SIGNATURE_HEADER), capped(response.body()), settings);
        } catch (AnswerTooLarge tooLarge) {
            return new HookDecision.Failed("the hook's answer is larger than " + MAX_ANSWER_BYTES / 1024 + " KiB");
        } catch (IOException failure) {
            return failed(failure, settings);
        }
    }

    private static HookDecision.Failed failed(IOException failure, PreSendHookSettings settings) {
        Optional<OutboundRefused> refused = OutboundRefused.in(failure);
        if (refused.isPresent()) {
            return new HookDecision.Failed("the hook's address is refused (" + refused.get().kind() + ")");
        }
        return switch (failure) {
            case InterruptedIOException timeout -> noAnswerWithin(settings);
            case UnknownHostException unknown -> new HookDecision.Failed("the hook's host does not resolve");
            case ConnectException refusedConnection -> new HookDecision.Failed("could not connect to the hook");
            case SSLException tls -> new HookDecision.Failed("the TLS handshake with the hook failed");
            default -> new HookDecision.Failed("could not reach the hook");
        };
    }

    /** The answer's body, refused beyond {@value #MAX_ANSWER_BYTES} bytes without reading further. */
    private static byte[] capped(ResponseBody body) throws IOException {
        if (body == null) {
            return new byte[0];
        }
        if (body.contentLength() > MAX_ANSWER_BYTES) {
            throw new AnswerTooLarge();
        }
        BufferedSource source = body.source();
        if (source.request(MAX_ANSWER_BYTES + 1L)) {
            throw new AnswerTooLarge();
        }
        return source.readByteArray();
    }

    /** The hook's answer is larger than an answer can be. */
    private static final class AnswerTooLarge extends IOException {
    }

    private static ObjectNode payload(HookCall call) {
        ObjectNode json = JSON.createObjectNode();
        json.put("type", EVENT);
        json.put("tenantId", call.tenantId());
        json.put("appId", call.appId());
        json.put("conversationId", call.conversationId());
        json.put("conversationType", call.conversationType());
        json.put("senderId", call.senderId());
        json.put("clientMsgId", call.clientMsgId());
        json.set("body", call.body());
        return json;
    }

    private HookDecision decision(String signature, byte[] answerBody, PreSendHookSettings settings) {
        if (signature == null) {
            return new HookDecision.Failed("the hook's answer is not signed (no " + SIGNATURE_HEADER + " header)");
        }
        if (!verify(settings.secret(), signature, answerBody, clock.instant(), REPLAY_TOLERANCE)) {
            return new HookDecision.Failed("the hook's answer signature is invalid or too old");
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(answerBody);
        } catch (JacksonException e) {
            return new HookDecision.Failed("the hook's answer is not JSON");
        }
        if (answer == null || !answer.isObject()) {
            return new HookDecision.Failed("the hook's answer is not a JSON object");
        }
        JsonNode action = answer.get("action");
        return switch (action == null || !action.isString() ? "" : action.asString()) {
            case "allow" -> new HookDecision.Allow();
            case "block" -> block(answer.get("reason"));
            case "replace" -> answer.get("body") instanceof ObjectNode body
                    ? new HookDecision.Replace(body)
                    : new HookDecision.Failed("the hook answered replace without a body object");
            default -> new HookDecision.Failed("the hook's answer has no known action (allow, block or replace)");
        };
    }

    private static HookDecision block(JsonNode reason) {
        if (reason == null || reason.isNull()) {
            return new HookDecision.Block("Blocked by the app's moderation");
        }
        if (!reason.isString()) {
            return new HookDecision.Failed("the hook answered block with a reason that is not a string");
        }
        String text = reason.asString();
        return new HookDecision.Block(text.length() > MAX_REASON_LENGTH ? text.substring(0, MAX_REASON_LENGTH) : text);
    }

    private static HookDecision.Failed noAnswerWithin(PreSendHookSettings settings) {
        return new HookDecision.Failed("the hook did not answer within " + settings.timeout().toMillis() + " ms");
    }

    /**
     * The {@value #SIGNATURE_HEADER} value for a body: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of t + "." + body>}
     * keyed with the secret's UTF-8 bytes. Tenants compute the same to check a request, and sign their answers so.
     */
    public static String sign(String secret, long unixSeconds, byte[] body) {
        return "t=" + unixSeconds + ",v1=" + HEX.formatHex(hmac(secret, unixSeconds, body));
    }

    /**
     * True when the header holds a {@code v1} signature of the body made with the secret, at a time no further than
     * {@code tolerance} from {@code now}; false for anything malformed, tampered with or stale.
     */
    public static boolean verify(String secret, String header, byte[] body, Instant now, Duration tolerance) {
        if (secret == null || header == null || body == null) {
            return false;
        }
        Long unixSeconds = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            int equals = part.indexOf('=');
            if (equals < 0) {
                return false;
            }
            String key = part.substring(0, equals).strip();
            String value = part.substring(equals + 1).strip();
            try {
                switch (key) {
                    case "t" -> unixSeconds = Long.parseLong(value);
                    case "v1" -> signatures.add(HEX.parseHex(value));
                    default -> {
                        // other schemes may be added later; a verifier that knows only v1 skips them
                    }
                }
            } catch (IllegalArgumentException malformed) {
                return false;
            }
        }
        if (unixSeconds == null || signatures.isEmpty()) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - unixSeconds) > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = hmac(secret, unixSeconds, body);
        return signatures.stream().anyMatch(signature -> MessageDigest.isEqual(expected, signature));
    }

    private static byte[] hmac(String secret, long unixSeconds, byte[] body) {
        try {
            // A Mac per call: creating one costs far less than the HTTP round trip it signs.
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
