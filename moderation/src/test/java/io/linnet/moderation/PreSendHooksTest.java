package io.linnet.moderation;

import io.linnet.moderation.PreSendHookSettings.FailurePolicy;
import io.linnet.moderation.hook.HookCall;
import io.linnet.moderation.hook.HookDecision;
import io.linnet.tenancy.outbound.OutboundGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class PreSendHooksTest {

    private static final String SECRET = "whsec-the-apps-shared-secret";
    private static final String ANOTHER_SECRET = "whsec-somebody-elses-secret";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    // the tenant's hook is a fake on this machine, as where insecure hooks are allowed
    private final PreSendHooks hooks = new PreSendHooks(new OutboundGuard(true), Clock.systemUTC());
    private FakeTenantHook hook;

    @BeforeEach
    void startTheTenantsHook() throws IOException {
        hook = new FakeTenantHook(SECRET);
    }

    @AfterEach
    void stopTheTenantsHook() {
        hook.close();
    }

    private PreSendHookSettings settings(String secret, int timeoutMillis, FailurePolicy onFailure) {
        return PreSendHookSettings.checked(hook.url(), secret, timeoutMillis, onFailure.wireName(), true);
    }

    private PreSendHookSettings settings() {
        return settings(SECRET, 2000, FailurePolicy.CLOSED);
    }

    private static HookCall call(String text) {
        ObjectNode body = JSON.createObjectNode().put("type", "text").put("text", text);
        return new HookCall("t-1", "a-1", "c-1", "group", "alice", "m-1", body);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void an_allowed_message_reaches_the_hook_signed_with_the_apps_secret() {
        hook.answers(request -> hook.signed("{\"action\":\"allow\"}"));

        HookDecision decision = hooks.ask(settings(), call("hello"));

        assertThat(decision).isEqualTo(new HookDecision.Allow());
        assertThat(hook.received()).hasSize(1);
        FakeTenantHook.Received request = hook.received().getFirst();
        assertThat(request.signatureValid()).isTrue();
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("Linnet-Event")).isEqualTo("message.presend");
        assertThat(request.header("User-Agent")).isEqualTo("Linnet/0.1");
        JsonNode payload = JSON.readTree(request.body());
        assertThat(payload.toString()).isEqualTo("{\"type\":\"message.presend\",\"tenantId\":\"t-1\",\"appId\":\"a-1\","
                + "\"conversationId\":\"c-1\",\"conversationType\":\"group\",\"senderId\":\"alice\",\"clientMsgId\":\"m-1\","
                + "\"body\":{\"type\":\"text\",\"text\":\"hello\"}}");

        String signature = request.header("Linnet-Signature");
        Instant now = Instant.now();
        assertThat(PreSendHooks.verify(ANOTHER_SECRET, signature, request.body(), now, PreSendHooks.REPLAY_TOLERANCE)).isFalse();
        assertThat(PreSendHooks.verify(SECRET, signature, bytes(payload.toString().replace("hello", "hullo")), now,
                PreSendHooks.REPLAY_TOLERANCE)).isFalse();
    }

    @Test
    void a_blocked_message_carries_the_hooks_reason() {
        hook.answers(request -> hook.signed("{\"action\":\"block\",\"reason\":\"No spam, please\"}"));
        assertThat(hooks.ask(settings(), call("buy now"))).isEqualTo(new HookDecision.Block("No spam, please"));

        hook.answers(request -> hook.signed("{\"action\":\"block\"}"));
        assertThat(hooks.ask(settings(), call("buy now"))).isInstanceOfSatisfying(HookDecision.Block.class,
                block -> assertThat(block.reason()).isNotBlank());

        hook.answers(request -> hook.signed("{\"action\":\"block\",\"reason\":\"" + "x".repeat(1000) + "\"}"));
        assertThat(hooks.ask(settings(), call("buy now"))).isInstanceOfSatisfying(HookDecision.Block.class,
                block -> assertThat(block.reason()).hasSize(PreSendHooks.MAX_REASON_LENGTH));
    }

    @Test
    void a_replaced_message_carries_the_hooks_body() {
        hook.answers(request -> hook.signed("{\"action\":\"replace\",\"body\":{\"type\":\"text\",\"text\":\"h***o\"}}"));

        HookDecision decision = hooks.ask(settings(), call("hello"));

        assertThat(decision).isInstanceOfSatisfying(HookDecision.Replace.class,
                replace -> assertThat(replace.body().toString()).isEqualTo("{\"type\":\"text\",\"text\":\"h***o\"}"));
    }

    @ParameterizedTest
    @EnumSource(FailurePolicy.class)
    void a_hook_that_answers_too_late_fails_and_the_apps_policy_settles_it(FailurePolicy policy) throws Exception {
        CountDownLatch released = new CountDownLatch(1);
        AtomicBoolean answered = new AtomicBoolean();
        hook.answers(request -> {
            released.await(30, TimeUnit.SECONDS);
            answered.set(true);
            return hook.signed("{\"action\":\"allow\"}");
        });

        HookDecision decision = hooks.ask(settings(SECRET, 200, policy), call("hello"));
        boolean answeredBeforeTheDecision = answered.get();
        released.countDown();

        assertThat(decision).isInstanceOfSatisfying(HookDecision.Failed.class,
                failed -> assertThat(failed.why()).contains("did not answer within 200 ms"));
        assertThat(answeredBeforeTheDecision).as("the send did not wait for the hook").isFalse();
        assertThat(policy.settle(decision)).isInstanceOf(policy == FailurePolicy.OPEN
                ? HookDecision.Allow.class : HookDecision.Block.class);
    }

    @Test
    void a_request_signed_with_another_secret_is_refused_by_the_hook() {
        HookDecision decision = hooks.ask(settings(ANOTHER_SECRET, 2000, FailurePolicy.OPEN), call("hello"));

        assertThat(hook.received()).singleElement().satisfies(request -> assertThat(request.signatureValid()).isFalse());
        assertThat(decision).isEqualTo(new HookDecision.Failed("the hook answered HTTP 401"));
    }

    @Test
    void an_answer_without_the_hooks_valid_signature_fails() {
        byte[] allow = bytes("{\"action\":\"allow\"}");
        long now = Instant.now().getEpochSecond();
        Map<String, FakeTenantHook.Answer> forgeries = new LinkedHashMap<>();
        forgeries.put("unsigned", request -> new FakeTenantHook.Reply(200, allow, null, Map.of()));
        forgeries.put("signed with another secret", request ->
                new FakeTenantHook.Reply(200, allow, PreSendHooks.sign(ANOTHER_SECRET, now, allow), Map.of()));
        forgeries.put("signed ten minutes ago", request ->
                new FakeTenantHook.Reply(200, allow, PreSendHooks.sign(SECRET, now - 600, allow), Map.of()));
        forgeries.put("signed for another body", request -> new FakeTenantHook.Reply(200, allow,
                PreSendHooks.sign(SECRET, now, bytes("{\"action\":\"block\"}")), Map.of()));
        forgeries.put("malformed signature", request -> new FakeTenantHook.Reply(200, allow, "v1=abc", Map.of()));

        forgeries.forEach((name, forgery) -> {
            hook.answers(forgery);
            assertThat(hooks.ask(settings(), call("hello"))).as(name).isInstanceOfSatisfying(HookDecision.Failed.class,
                    failed -> assertThat(failed.why()).containsAnyOf("is not signed", "signature is invalid"));
        });
    }

    /** An answer a hook should never give, and what the failure must say about it. */
    private record Nonsense(String name, FakeTenantHook.Answer answer, String why) {
    }

    @Test
    void an_answer_that_makes_no_sense_fails() {
        List<Nonsense> nonsense = List.of(
                new Nonsense("server error", request -> new FakeTenantHook.Reply(500, bytes("oops"), null, Map.of()), "HTTP 500"),
                new Nonsense("redirect", request -> new FakeTenantHook.Reply(302, new byte[0], null,
                        Map.of("Location", hook.url() + "/elsewhere")), "HTTP 302"),
                new Nonsense("garbage", request -> hook.signed("{\"action\":"), "not JSON"),
                new Nonsense("an array", request -> hook.signed("[{\"action\":\"allow\"}]"), "not a JSON object"),
                new Nonsense("no action", request -> hook.signed("{\"verdict\":\"allow\"}"), "no known action"),
                new Nonsense("unknown action", request -> hook.signed("{\"action\":\"maybe\"}"), "no known action"),
                new Nonsense("replace without body", request -> hook.signed("{\"action\":\"replace\"}"), "without a body object"),
                new Nonsense("replace with text", request -> hook.signed("{\"action\":\"replace\",\"body\":\"hi\"}"),
                        "without a body object"),
                new Nonsense("block with a number", request -> hook.signed("{\"action\":\"block\",\"reason\":7}"), "not a string"),
                new Nonsense("over 64 KiB", request -> hook.signed(
                        "{\"action\":\"allow\",\"padding\":\"" + "x".repeat(PreSendHooks.MAX_ANSWER_BYTES) + "\"}"),
                        "larger than 64 KiB"));

        for (Nonsense answer : nonsense) {
            hook.answers(answer.answer());
            assertThat(hooks.ask(settings(), call("hello"))).as(answer.name()).isInstanceOfSatisfying(HookDecision.Failed.class,
                    failed -> assertThat(failed.why()).contains(answer.why()));
        }
        assertThat(hook.received()).as("redirects are not followed").hasSize(nonsense.size());
    }

    @Test
    void a_redirect_to_an_address_inside_is_a_failure_and_is_not_followed() throws IOException {
        try (FakeTenantHook inside = new FakeTenantHook(SECRET)) {
            hook.answers(request -> new FakeTenantHook.Reply(307, new byte[0], null,
                    Map.of("Location", inside.url())));

            assertThat(hooks.ask(settings(), call("hello"))).isEqualTo(new HookDecision.Failed("the hook answered HTTP 307"));
            assertThat(inside.received()).as("the redirect's target").isEmpty();
        }
        hook.answers(request -> new FakeTenantHook.Reply(302, new byte[0], null,
                Map.of("Location", "http://169.254.169.254/latest/meta-data/")));
        assertThat(hooks.ask(settings(), call("hello"))).isEqualTo(new HookDecision.Failed("the hook answered HTTP 302"));
        assertThat(hook.received()).hasSize(2);
    }

    @Test
    void a_hook_whose_name_resolves_inside_when_it_is_called_is_refused_before_anything_is_sent() {
        // the name was public when the hook was saved; now it resolves to this machine, where the fake listens
        OutboundGuard.Resolver rebound = host -> new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})};
        PreSendHooks production = new PreSendHooks(new OutboundGuard(false, rebound), Clock.systemUTC());
        PreSendHookSettings rebinding = PreSendHookSettings.checked("https://hooks.rebinding.example:"
                + URI.create(hook.url()).getPort() + "/hook", SECRET, 2000, "closed", false);

        assertThat(production.ask(rebinding, call("hello")))
                .isEqualTo(new HookDecision.Failed("the hook's address is refused (loopback)"));
        assertThat(hook.received()).isEmpty();
    }

    @Test
    void where_insecure_hooks_are_not_allowed_a_hook_on_this_machine_is_refused_at_every_call() {
        PreSendHooks production = new PreSendHooks(new OutboundGuard(false), Clock.systemUTC());

        assertThat(production.ask(settings(), call("hello")))
                .isEqualTo(new HookDecision.Failed("the hook's address is refused (not https)"));
        assertThat(hook.received()).isEmpty();
    }

    @Test
    void a_hook_that_is_down_fails() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        PreSendHookSettings down = PreSendHookSettings.checked("http://127.0.0.1:" + closedPort + "/hook", SECRET, 2000,
                "open", true);

        assertThat(hooks.ask(down, call("hello"))).isEqualTo(new HookDecision.Failed("could not connect to the hook"));
    }

    @Test
    void a_signature_is_the_hex_hmac_sha256_of_the_time_a_dot_and_the_body() {
        assertThat(PreSendHooks.sign("whsec-test-vector-0001", 1_700_000_000L, bytes("{\"action\":\"allow\"}")))
                .isEqualTo("t=1700000000,v1=c078b26457eca1b4794bf81eb4f31d241124aaa687fb9642c5d608b18579ed93");
    }

    @Test
    void a_signature_holds_only_for_its_secret_body_and_time() {
        byte[] body = bytes("{\"action\":\"allow\"}");
        Instant signedAt = Instant.ofEpochSecond(1_700_000_000L);
        String header = PreSendHooks.sign(SECRET, signedAt.getEpochSecond(), body);
        Duration tolerance = PreSendHooks.REPLAY_TOLERANCE;

        assertThat(PreSendHooks.verify(SECRET, header, body, signedAt, tolerance)).isTrue();
        assertThat(PreSendHooks.verify(SECRET, header, body, signedAt.plus(Duration.ofMinutes(4)), tolerance)).isTrue();
        assertThat(PreSendHooks.verify(SECRET, header, body, signedAt.plus(Duration.ofMinutes(6)), tolerance)).as("old").isFalse();
        assertThat(PreSendHooks.verify(SECRET, header, body, signedAt.minus(Duration.ofMinutes(6)), tolerance)).as("future").isFalse();
        assertThat(PreSendHooks.verify(ANOTHER_SECRET, header, body, signedAt, tolerance)).as("other secret").isFalse();
        assertThat(PreSendHooks.verify(SECRET, header, bytes("{\"action\":\"block\"}"), signedAt, tolerance)).as("tampered").isFalse();
        String otherTime = header.replace("t=1700000000", "t=1700000001");
        assertThat(PreSendHooks.verify(SECRET, otherTime, body, signedAt, tolerance)).as("time changed").isFalse();
        String rotated = header + ",v1=" + "00".repeat(32);
        assertThat(PreSendHooks.verify(SECRET, rotated, body, signedAt, tolerance)).as("one of two v1 holds").isTrue();
    }

    @Test
    void a_malformed_signature_header_never_holds() {
        byte[] body = bytes("{}");
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        String valid = PreSendHooks.sign(SECRET, now.getEpochSecond(), body);
        String v1 = valid.substring(valid.indexOf("v1="));

        for (String header : new String[] {null, "", "garbage", "t=1700000000", v1, "t=abc," + v1,
                "t=1700000000,v1=zz", "t=1700000000,v1=" + "ab".repeat(31), "t=1700000000;" + v1}) {
            assertThat(PreSendHooks.verify(SECRET, header, body, now, PreSendHooks.REPLAY_TOLERANCE)).as(header).isFalse();
        }
    }
}
