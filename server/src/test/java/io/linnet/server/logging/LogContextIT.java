package io.linnet.server.logging;

import io.linnet.server.messaging.MessagingApp;
import io.linnet.server.push.PushApp;
import io.linnet.server.realtime.Chat;
import io.linnet.server.realtime.ChatClient;
import io.linnet.server.support.Api;
import io.linnet.server.support.ServerIT;
import io.linnet.tenancy.LogContext;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Through the real server: the lines logged while a request, a WebSocket frame or a push job is
 * handled carry whose they are (request or connection id, tenant, app), and the request id travels
 * in {@code X-Request-Id}: an acceptable one as the client chose it, anything else replaced.
 */
class LogContextIT extends ServerIT {

    private static final String CALLER_LOG = CallerLogContext.class.getName();
    private static final String GATEWAY_LOG = "io.linnet.messaging.gateway.Gateway";
    private static final String SCHEDULER_LOG = "io.linnet.push.job.JobScheduler";
    private static final Pattern NEW_ID = Pattern.compile("[0-9a-f]{16}");

    @Test
    void a_developer_api_call_is_logged_with_its_request_id_its_tenant_and_its_app_and_the_next_call_with_neither() {
        MessagingApp app = MessagingApp.create(api(), fixtures(), "Logged Calls");
        try (LoggedLines logs = new LoggedLines(CALLER_LOG)) {
            Api.Response put = app.client().header(RequestIds.HEADER, "it-put-user-1").put("/v1/users/ann", Map.of("name", "Ann"));
            Api.Response health = api().anonymous().get("/actuator/health");

            assertThat(put.status()).as(put.toString()).isIn(200, 201);
            assertThat(put.header(RequestIds.HEADER)).isEqualTo("it-put-user-1");
            String healthId = health.header(RequestIds.HEADER);
            assertThat(healthId).matches(NEW_ID);
            // the line ends the request, and may come a moment after the client has its answer
            await().untilAsserted(() -> assertThat(logs.of(CALLER_LOG)).extracting(line -> line.mdc().get(LogContext.REQUEST_ID))
                    .contains("it-put-user-1", healthId));
            assertThat(lineOf(logs, "it-put-user-1")).satisfies(line -> {
                assertThat(line.message()).matches("PUT /v1/users/\\{userId} answered 20[01] in \\d+ ms");
                assertThat(line.mdc()).isEqualTo(Map.of(LogContext.REQUEST_ID, "it-put-user-1",
                        LogContext.TENANT_ID, app.owner().tenantId(), LogContext.APP_ID, app.appId()));
            });
            assertThat(lineOf(logs, healthId).mdc()).isEqualTo(Map.of(LogContext.REQUEST_ID, healthId));
        }
    }

    @Test
    void a_console_account_call_is_logged_with_its_tenant() {
        MessagingApp app = MessagingApp.create(api(), fixtures(), "Logged Console Calls");
        try (LoggedLines logs = new LoggedLines(CALLER_LOG)) {
            Api.Response apps = app.owner().client().header(RequestIds.HEADER, "it-list-apps").get("/manage/v1/apps");

            assertThat(apps.status()).as(apps.toString()).isEqualTo(200);
            await().untilAsserted(() -> assertThat(logs.of(CALLER_LOG)).extracting(line -> line.mdc().get(LogContext.REQUEST_ID))
                    .contains("it-list-apps"));
            assertThat(lineOf(logs, "it-list-apps").mdc()).isEqualTo(Map.of(LogContext.REQUEST_ID, "it-list-apps",
                    LogContext.TENANT_ID, app.owner().tenantId()));
        }
    }

    @Test
    void a_request_id_that_is_too_long_or_not_plain_is_replaced_and_a_refusal_answers_its_id_too() throws IOException {
        String tooLong = "x".repeat(65);
        Api.Response longOne = api().anonymous().header(RequestIds.HEADER, tooLong).get("/actuator/health");
        Api.Response unauthorized = api().anonymous().header(RequestIds.HEADER, "a b<script>").get("/v1/users/ann");

        assertThat(longOne.header(RequestIds.HEADER)).matches(NEW_ID);
        assertThat(unauthorized.status()).isEqualTo(401);
        assertThat(unauthorized.header(RequestIds.HEADER)).matches(NEW_ID);
        assertThat(answeredId("caf\u00e9-\u00fcber".getBytes(StandardCharsets.UTF_8))).matches(NEW_ID);
        assertThat(answeredId("id-\u00e9".getBytes(StandardCharsets.ISO_8859_1))).matches(NEW_ID);
        assertThat(answeredId("plain-1.2_3".getBytes(StandardCharsets.US_ASCII))).isEqualTo("plain-1.2_3");
    }

    @Test
    void a_refused_websocket_frame_is_logged_with_its_connection_and_once_authenticated_its_tenant_and_app() {
        MessagingApp app = MessagingApp.create(api(), fixtures(), "Logged Frames");
        app.users("ann");
        try (Chat chat = new Chat(app); LoggedLines logs = new LoggedLines(GATEWAY_LOG)) {
            ChatClient ann = chat.anonymous("ann");
            ann.sendText("not json");
            assertThat(ann.next("error").get("code").asString()).isEqualTo("invalid_frame");
            ann.send(Map.of("type", "auth", "token", chat.token("ann")));
            String connectionId = ann.next("ready").get("connectionId").asString();
            ann.sendText("still not json");
            assertThat(ann.next("error").get("code").asString()).isEqualTo("invalid_frame");

            List<LoggedLines.Line> refusals = logs.of(GATEWAY_LOG).stream()
                    .filter(line -> connectionId.equals(line.mdc().get(LogContext.CONNECTION_ID))).toList();
            assertThat(refusals).extracting(LoggedLines.Line::message)
                    .containsExactly("Refused a frame: invalid_frame", "Refused a frame: invalid_frame");
            assertThat(refusals.getFirst().mdc()).isEqualTo(Map.of(LogContext.CONNECTION_ID, connectionId));
            assertThat(refusals.getLast().mdc()).isEqualTo(Map.of(LogContext.CONNECTION_ID, connectionId,
                    LogContext.TENANT_ID, app.owner().tenantId(), LogContext.APP_ID, app.appId()));
        }
    }

    @Test
    void the_expansion_of_a_push_is_logged_with_its_tenant_and_app() {
        PushApp app = PushApp.withoutCredentials(api(), fixtures(), "Logged Push");
        app.users("amy");
        try (LoggedLines logs = new LoggedLines()) {
            String push = app.push(PushApp.users(List.of("amy")), "Hello", "Amy");

            await().untilAsserted(() -> assertThat(logs.of(SCHEDULER_LOG)).anySatisfy(line -> {
                assertThat(line.message()).contains(push).contains("expanded");
                assertThat(line.mdc()).isEqualTo(Map.of(LogContext.TENANT_ID, app.app().owner().tenantId(),
                        LogContext.APP_ID, app.appId()));
            }));
        }
    }

    private static LoggedLines.Line lineOf(LoggedLines logs, String requestId) {
        return logs.of(CALLER_LOG).stream().filter(line -> requestId.equals(line.mdc().get(LogContext.REQUEST_ID)))
                .findFirst().orElseThrow();
    }

    /** The X-Request-Id answered to a request whose own one is {@code offered}, sent byte for byte. */
    private String answeredId(byte[] offered) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /actuator/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nX-Request-Id: "
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(offered);
            out.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            String head = answer.toString(StandardCharsets.ISO_8859_1);
            assertThat(head).startsWith("HTTP/1.1 200");
            Matcher id = Pattern.compile("(?im)^X-Request-Id: ([^\r\n]*)").matcher(head);
            assertThat(id.find()).as(head).isTrue();
            return id.group(1);
        }
    }
}
