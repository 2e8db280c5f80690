package io.linnet.server.push;

import io.linnet.server.support.Api;
import io.linnet.push.apns.MockApns;
import io.linnet.server.support.ProviderFakes;
import io.linnet.server.support.ServerIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Push jobs over HTTP: scheduling and cancelling, opens counted once per device, templates with variables, the
 * list, isolation between tenants, and bad input answered with a problem that says what is wrong.
 */
class PushJobsIT extends ServerIT {

    private static final String UNKNOWN = "01234567-89ab-7def-8123-456789abcdef";
    private final MockApns apns = ProviderFakes.apns();

    @Test
    void a_scheduled_push_waits_and_can_be_cancelled_but_one_that_started_cannot() {
        PushApp app = PushApp.create(api(), fixtures(), "Jobs Cancel");
        app.users("amy");
        String token = apns.newLiveToken();
        app.apnsDevice("amy", token);
        Instant later = Instant.now().plus(Duration.ofHours(1));

        Api.Response created = app.client().post("/v1/push", Map.of("target", Map.of("users", List.of("amy")),
                "notification", Map.of("title", "Tomorrow", "body", "Reminder"), "sendAt", later.toString()));
        assertThat(created.status()).as(created.toString()).isEqualTo(202);
        assertThat(created.json().get("state").asString()).isEqualTo("scheduled");
        String scheduled = created.json().get("pushId").asString();
        assertThat(created.header("Location")).isEqualTo("/v1/push/" + scheduled);
        JsonNode job = app.job(scheduled);
        assertThat(Instant.parse(job.get("sendAt").asString())).isCloseTo(later, within(1, java.time.temporal.ChronoUnit.MILLIS));
        assertThat(job.get("target").get("users").get(0).asString()).isEqualTo("amy");
        assertThat(PushJobCounts.of(job)).containsExactly(0, 0, 0, 0, 0);

        Api.Response cancelled = app.client().post("/v1/push/" + scheduled + "/cancel", null);
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().get("state").asString()).isEqualTo("cancelled");
        assertThat(cancelled.json().get("cancelledAt").asString()).isNotBlank();
        assertThat(app.client().post("/v1/push/" + scheduled + "/cancel", null).status()).as("cancelling twice is fine")
                .isEqualTo(200);

        String now = app.push(PushApp.users(List.of("amy")), "Now", "Right away");
        app.completed(now);
        app.client().post("/v1/push/" + now + "/cancel", null).assertProblem(409, "conflict");
        assertThat(apns.accepted(token)).as("only the push that was not cancelled went out").isEqualTo(1);
    }

    @Test
    void a_push_for_later_goes_out_at_its_time() {
        PushApp app = PushApp.create(api(), fixtures(), "Jobs Later");
        app.users("bo");
        String token = apns.newLiveToken();
        app.apnsDevice("bo", token);
        Instant sendAt = Instant.now().plusSeconds(2);
        String push = app.push(PushApp.users(List.of("bo")), "Soon", "In two seconds", "sendAt", sendAt.toString());
        assertThat(app.job(push).get("state").asString()).isEqualTo("scheduled");
        JsonNode job = app.completed(push);
        assertThat(apns.requests(token).getFirst()).isAfterOrEqualTo(sendAt);
        assertThat(Instant.parse(job.get("completedAt").asString())).isAfterOrEqualTo(sendAt);
        assertThat(Instant.parse(job.get("expiresAt").asString())).isEqualTo(
                Instant.parse(job.get("sendAt").asString()).plus(Duration.ofDays(1)));
    }

    @Test
    void an_open_counts_once_per_device_and_only_for_a_device_the_push_went_to() {
        PushApp app = PushApp.create(api(), fixtures(), "Jobs Opens");
        app.users("cal", "dot");
        String first = app.apnsDevice("cal", apns.newLiveToken());
        String second = app.apnsDevice("cal", apns.newLiveToken());
        String elsewhere = app.apnsDevice("dot", apns.newLiveToken());
        String push = app.push(PushApp.users(List.of("cal")), "Open me", "Please");
        app.completed(push);

        Api.Response opened = app.client().post("/v1/push/" + push + "/opens", Map.of("deviceId", first));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
        assertThat(opened.json().get("counted").asBoolean()).isTrue();
        assertThat(app.client().post("/v1/push/" + push + "/opens", Map.of("deviceId", first)).json().get("counted")
                .asBoolean()).as("the same device again").isFalse();
        assertThat(app.client().post("/v1/push/" + push + "/opens", Map.of("deviceId", second)).json().get("counted")
                .asBoolean()).isTrue();
        app.client().post("/v1/push/" + push + "/opens", Map.of("deviceId", elsewhere)).assertProblem(400, "invalid_request");
        app.client().post("/v1/push/" + push + "/opens", Map.of()).assertProblem(400, "invalid_request");
        app.client().post("/v1/push/" + UNKNOWN + "/opens", Map.of("deviceId", first)).assertProblem(404, "not_found");
        assertThat(app.job(push).get("counts").get("opened").asInt()).isEqualTo(2);
    }

    @Test
    void a_template_with_variables_is_kept_renamed_rendered_into_a_push_and_deleted() {
        PushApp app = PushApp.create(api(), fixtures(), "Jobs Templates");
        app.users("eva");
        String token = apns.newLiveToken();
        app.apnsDevice("eva", token);

        Api.Response created = app.client().post("/v1/push/templates", Map.of("name", "Order shipped",
                "notification", Map.of("title", "Hi {{ name }}", "body", "Order {{order}} is on its way",
                        "data", Map.of("order", "{{order}}"))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String template = created.json().get("id").asString();
        assertThat(created.json().get("variables").valueStream().map(JsonNode::asString).toList())
                .containsExactly("name", "order");
        app.client().post("/v1/push/templates", Map.of("name", "order SHIPPED", "notification", Map.of("title", "x")))
                .assertProblem(409, "conflict");

        Api.Response renamed = app.client().put("/v1/push/templates/" + template, Map.of("name", "Shipped",
                "notification", Map.of("title", "Hi {{name}}", "body", "Order {{order}} is on its way",
                        "data", Map.of("order", "{{order}}"))));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(app.client().get("/v1/push/templates").json().get("items").valueStream()
                .map(t -> t.get("name").asString()).toList()).containsExactly("Shipped");

        app.client().post("/v1/push", Map.of("target", Map.of("users", List.of("eva")), "templateId", template,
                "variables", Map.of("name", "Eva"))).assertProblem(400, "invalid_request");
        Api.Response push = app.client().post("/v1/push", Map.of("target", Map.of("users", List.of("eva")),
                "templateId", template, "variables", Map.of("name", "Eva", "order", 1234)));
        assertThat(push.status()).as(push.toString()).isEqualTo(202);
        JsonNode job = app.completed(push.json().get("pushId").asString());
        assertThat(job.get("templateId").asString()).isEqualTo(template);
        assertThat(job.get("notification").get("title").asString()).isEqualTo("Hi Eva");
        JsonNode payload = Api.JSON.readTree(apns.payload(token));
        assertThat(payload.get("aps").get("alert").get("body").asString()).isEqualTo("Order 1234 is on its way");
        assertThat(payload.get("order").asString()).isEqualTo("1234");

        assertThat(app.client().delete("/v1/push/templates/" + template).status()).isEqualTo(204);
        app.client().get("/v1/push/templates/" + template).assertProblem(404, "not_found");
        app.client().post("/v1/push", Map.of("target", Map.of("users", List.of("eva")), "templateId", template,
                "variables", Map.of("name", "Eva", "order", 1))).assertProblem(400, "invalid_request");
    }

    @Test
    void pushes_are_listed_newest_first_a_page_at_a_time() {
        PushApp app = PushApp.create(api(), fixtures(), "Jobs List");
        app.users("fox");
        List<String> pushes = IntStream.range(0, 3)
                .mapToObj(i -> app.push(PushApp.users(List.of("fox")), "n" + i, "b", "sendAt", Instant.now().plusSeconds(3600).toString()))
                .toList();
        JsonNode first = app.client().get("/v1/push?limit=2").json();
        assertThat(first.get("items").valueStream().map(p -> p.get("id").asString()).toList())
                .containsExactly(pushes.get(2), pushes.get(1));
        JsonNode second = app.client().get("/v1/push?limit=2&cursor=" + first.get("nextCursor").asString()).json();
        assertThat(second.get("items").valueStream().map(p -> p.get("id").asString()).toList()).containsExactly(pushes.get(0));
        assertThat(second.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void another_tenants_pushes_and_templates_are_not_found_and_its_devices_are_not_targeted() {
        PushApp mine = PushApp.create(api(), fixtures(), "Jobs Mine");
        PushApp theirs = PushApp.create(api(), fixtures(), "Jobs Theirs");
        mine.users("gem");
        theirs.users("gem");
        String myDevice = mine.apnsDevice("gem", apns.newLiveToken());
        String myPush = mine.push(PushApp.users(List.of("gem")), "Mine", "only", "sendAt", Instant.now().plusSeconds(3600).toString());
        String template = mine.client().post("/v1/push/templates", Map.of("name", "Mine", "notification",
                Map.of("title", "t"))).json().get("id").asString();

        theirs.client().get("/v1/push/" + myPush).assertProblem(404, "not_found");
        theirs.client().post("/v1/push/" + myPush + "/cancel", null).assertProblem(404, "not_found");
        theirs.client().post("/v1/push/" + myPush + "/opens", Map.of("deviceId", myDevice)).assertProblem(404, "not_found");
        theirs.client().get("/v1/push/" + myPush + "/deliveries").assertProblem(404, "not_found");
        theirs.client().get("/v1/push/templates/" + template).assertProblem(404, "not_found");
        theirs.client().delete("/v1/push/templates/" + template).assertProblem(404, "not_found");
        theirs.client().post("/v1/push", Map.of("target", Map.of("users", List.of("gem")), "templateId", template))
                .assertProblem(400, "invalid_request");
        assertThat(theirs.client().get("/v1/push").json().get("items")).isEmpty();

        JsonNode stolen = theirs.completed(theirs.push(Map.of("devices", List.of(myDevice)), "Theirs", "to my device"));
        assertThat(PushJobCounts.of(stolen)[0]).as("a device id of another app targets nothing").isZero();
        assertThat(mine.job(myPush).get("state").asString()).isEqualTo("scheduled");
        assertThat(mine.client().get("/v1/push/templates/" + template).status()).isEqualTo(200);
    }

    @Test
    void the_push_endpoints_are_in_the_openapi_document() {
        JsonNode paths = api().anonymous().get("/v3/api-docs").json().get("paths");
        assertThat(paths.propertyNames()).contains("/v1/users/{userId}/devices", "/v1/users/{userId}/devices/{deviceId}",
                "/v1/push", "/v1/push/{pushId}", "/v1/push/{pushId}/cancel", "/v1/push/{pushId}/opens",
                "/v1/push/{pushId}/deliveries", "/v1/push/templates", "/v1/push/templates/{templateId}", "/v1/push/offline");
        assertThat(paths.get("/v1/push").get("post").get("security").toString()).contains("appKeyToken");
    }

    @Test
    void pushes_need_the_push_scope() {
        PushApp app = PushApp.withoutCredentials(api(), fixtures(), "Jobs Scope");
        Api.Client messagesOnly = app.app().withScopes(api(), "users", "messages");
        Map<String, Object> push = Map.of("target", Map.of("all", true), "notification", Map.of("title", "t"));
        messagesOnly.post("/v1/push", push).assertProblem(403, "forbidden");
        messagesOnly.get("/v1/push").assertProblem(403, "forbidden");
        messagesOnly.get("/v1/push/templates").assertProblem(403, "forbidden");
        messagesOnly.get("/v1/push/offline").assertProblem(403, "forbidden");
        api().anonymous().post("/v1/push", push).assertProblem(401, "unauthorized");
        assertThat(app.client().get("/v1/push").json().get("items")).isEmpty();
    }

    @Test
    void bad_pushes_are_refused_with_a_problem_that_says_what_is_wrong_and_nothing_is_created() {
        PushApp app = PushApp.withoutCredentials(api(), fixtures(), "Jobs Bad Input");
        Map<String, Object> users = Map.of("users", List.of("a"));
        Map<String, Object> note = Map.of("title", "t");
        record Bad(Map<String, Object> body, String detail) {
        }
        List<Bad> cases = new ArrayList<>(List.of(
                new Bad(Map.of("notification", note), "target is required"),
                new Bad(body(Map.of("users", List.of("a"), "all", true), note), "exactly one of users, devices, tags or all"),
                new Bad(body(Map.of(), note), "exactly one of users, devices, tags or all"),
                new Bad(body(Map.of("users", List.of()), note), "target.users must not be empty"),
                new Bad(body(Map.of("users", List.of("bad id")), note), "target.users has an invalid user id"),
                new Bad(body(Map.of("devices", List.of("nope")), note), "target.devices has something that is not a device id"),
                new Bad(body(Map.of("tags", Map.of("any", List.of("a"), "all", List.of("b"))), note), "exactly one of any or all"),
                new Bad(body(Map.of("tags", Map.of("any", List.of("has space"))), note), "target.tags has an invalid tag"),
                new Bad(body(Map.of("all", false), note), "target.all must be true"),
                new Bad(body(Map.of("users", IntStream.range(0, 2_001).mapToObj(i -> "u" + i).toList()), note), "lists more than 2000"),
                new Bad(Map.of("target", users), "Give either notification or templateId"),
                new Bad(with(body(users, note), "templateId", UNKNOWN), "Give either notification or templateId"),
                new Bad(body(users, Map.of()), "notification needs a title, a body or data"),
                new Bad(body(users, Map.of("title", "x".repeat(257))), "notification.title is longer than 256"),
                new Bad(body(users, Map.of("title", "t", "data", Map.of("a", Map.of("b", 1)))), "notification.data.a must be a string"),
                new Bad(body(users, Map.of("title", "t", "data", Map.of("from", "x"))), "notification.data key 'from' is not allowed"),
                new Bad(body(users, Map.of("title", "t", "data", List.of(1))), "notification.data must be a JSON object"),
                new Bad(body(users, Map.of("title", "t", "badge", -1)), "notification.badge must be between 0 and 999999"),
                new Bad(body(users, Map.of("title", "t", "image", "ftp://x")), "notification.image must be an http(s) URL"),
                new Bad(body(users, Map.of("title", "t", "sound", "has space")), "notification.sound must be a sound name"),
                new Bad(with(body(users, note), "overrides", Map.of("hms", Map.of())), "overrides.hms is not a provider"),
                new Bad(with(body(users, note), "overrides", Map.of("apns", "x")), "overrides.apns must be a JSON object"),
                new Bad(with(body(users, note), "sendAt", "tomorrow"), "sendAt must be an RFC 3339 time"),
                new Bad(with(body(users, note), "sendAt", Instant.now().plus(Duration.ofDays(40)).toString()), "sendAt is more than 30 days ahead"),
                new Bad(with(body(users, note), "ttlSeconds", 0), "ttlSeconds must be between 1 and 2419200"),
                new Bad(with(body(users, note), "collapseKey", "k".repeat(65)), "collapseKey must be 1 to 64"),
                new Bad(with(body(users, note), "priority", "urgent"), "priority must be high or normal"),
                new Bad(with(body(users, note), "variables", Map.of("a", "b")), "variables fill a template"),
                new Bad(Map.of("target", users, "templateId", "not-a-template"), "templateId names no template of this app"),
                new Bad(Map.of("target", users, "templateId", UNKNOWN), "templateId names no template of this app")));
        for (Bad bad : cases) {
            Api.Response refused = app.client().post("/v1/push", bad.body());
            refused.assertProblem(400, "invalid_request");
            assertThat(refused.json().get("detail").asString()).as(bad.detail()).contains(bad.detail());
        }
        app.client().raw("POST", "/v1/push", "application/json", "{\"target\":").assertProblem(400, "invalid_request");
        app.client().raw("POST", "/v1/push", "application/json", "").assertProblem(400, "invalid_request");
        app.client().raw("POST", "/v1/push", "text/plain", "hello").assertProblem(415, "unsupported_media_type");
        app.client().get("/v1/push/not-an-id").assertProblem(404, "not_found");
        app.client().get("/v1/push/" + UNKNOWN).assertProblem(404, "not_found");
        app.client().get("/v1/push?limit=0").assertProblem(400, "invalid_request");
        app.client().post("/v1/push/templates", Map.of("name", "", "notification", note)).assertProblem(400, "invalid_request");
        app.client().post("/v1/push/templates", Map.of("name", "No content")).assertProblem(400, "invalid_request");
        app.client().put("/v1/push/offline", Map.of("enabled", true, "preview", "some")).assertProblem(400, "invalid_request");
        app.client().put("/v1/push/offline", Map.of("preview", "full")).assertProblem(400, "invalid_request");
        assertThat(app.client().get("/v1/push").json().get("items")).as("nothing was created").isEmpty();
        assertThat(app.client().get("/v1/push/templates").json().get("items")).isEmpty();
    }

    private static Map<String, Object> body(Map<String, Object> target, Map<String, Object> notification) {
        return Map.of("target", target, "notification", notification);
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(body);
        more.put(field, value);
        return more;
    }
}
