package io.linnet.push;

import io.linnet.push.provider.Notification;
import io.linnet.tenancy.DomainException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PushContentTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    @Test
    void variables_are_found_in_every_text_and_filled_in() {
        PushContent template = PushContent.check("notification", "Hi {{ name }}", "Order {{order}} for {{name}}",
                json("{\"order\":\"{{order}}\",\"n\":3}"), 2, "default", "https://cdn.example.com/{{order}}.png", null);
        assertThat(template.variables()).containsExactly("name", "order");
        PushContent rendered = template.render(Map.of("name", "Mia", "order", "o-7"));
        assertThat(rendered.title()).isEqualTo("Hi Mia");
        assertThat(rendered.body()).isEqualTo("Order o-7 for Mia");
        assertThat(rendered.data()).containsEntry("order", "o-7").containsEntry("n", "3");
        assertThat(rendered.image()).isEqualTo("https://cdn.example.com/o-7.png");
    }

    @Test
    void a_missing_variable_is_named_in_the_refusal() {
        PushContent template = PushContent.of("Hi {{name}}", "{{greeting}}");
        assertThatThrownBy(() -> template.render(Map.of("name", "Mia")))
                .isInstanceOf(DomainException.class).hasMessageContaining("'greeting'").hasMessageContaining("{{greeting}}");
    }

    @Test
    void a_value_with_dollar_signs_and_braces_is_inserted_as_it_is() {
        assertThat(PushContent.of("{{price}}", null).render(Map.of("price", "$5 {{x}}")).title()).isEqualTo("$5 {{x}}");
    }

    @Test
    void the_content_becomes_a_notification_with_the_jobs_collapse_key_expiry_priority_and_overrides() {
        PushContent content = PushContent.check("notification", "T", "B", json("{\"k\":\"v\"}"), 4, null, null,
                json("{\"apns\":{\"aps\":{\"thread-id\":\"t\"}}}"));
        Instant expiry = Instant.parse("2030-01-01T00:00:00Z");
        Notification notification = content.toNotification(Optional.of("c"), expiry, Notification.Priority.NORMAL);
        assertThat(notification.title()).isEqualTo("T");
        assertThat(notification.badge()).hasValue(4);
        assertThat(notification.collapseKey()).hasValue("c");
        assertThat(notification.expiresAt()).hasValue(expiry);
        assertThat(notification.priority()).isEqualTo(Notification.Priority.NORMAL);
        assertThat(notification.overrides().get(PushProvider.APNS)).containsKey("aps");
    }

    @Test
    void it_survives_a_round_trip_through_json_as_stored() {
        PushContent content = PushContent.check("notification", "T", null, json("{\"a\":\"1\"}"), null, null, null,
                json("{\"fcm\":{\"android\":{\"ttl\":\"60s\"}}}"));
        PushContent read = JSON.readValue(JSON.writeValueAsString(content), PushContent.class);
        assertThat(read).isEqualTo(content);
    }

    @Test
    void overrides_with_null_or_for_an_unknown_provider_are_refused() {
        assertThatThrownBy(() -> PushContent.check("notification", "T", null, null, null, null, null,
                json("{\"apns\":{\"aps\":null}}"))).isInstanceOf(DomainException.class).hasMessageContaining("overrides.apns");
        assertThatThrownBy(() -> PushContent.check("notification", "T", null, null, null, null, null,
                json("{\"hms\":{}}"))).isInstanceOf(DomainException.class).hasMessageContaining("overrides.hms");
    }
}
