package io.linnet.push;

import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * A push as a client asks for it ({@code POST /v1/push}), before any check: {@code target}; {@code notification}
 * or {@code templateId} with {@code variables}; {@code overrides} per provider; {@code sendAt} (RFC 3339);
 * {@code ttlSeconds}; {@code collapseKey}; {@code priority} ({@code high} or {@code normal}). {@link NewPush#of}
 * checks it.
 */
public record PushRequest(Target target, NotificationFields notification, JsonNode overrides, String templateId,
                          Map<String, JsonNode> variables, String sendAt, Long ttlSeconds, String collapseKey,
                          String priority) {

    /** Exactly one of the four. */
    public record Target(List<String> users, List<String> devices, Tags tags, Boolean all) {
    }

    /** Exactly one of the two. */
    public record Tags(List<String> any, List<String> all) {
    }

    public record NotificationFields(String title, String body, JsonNode data, Integer badge, String sound,
                                     String image) {
    }

    /** A plain notification to some users, sent now. */
    public static PushRequest toUsers(List<String> users, String title, String body) {
        return new PushRequest(new Target(users, null, null, null), new NotificationFields(title, body, null, null,
                null, null), null, null, null, null, null, null, null);
    }

    /** A plain notification to some devices, sent now. */
    public static PushRequest toDevices(List<String> devices, String title, String body) {
        return new PushRequest(new Target(null, devices, null, null), new NotificationFields(title, body, null, null,
                null, null), null, null, null, null, null, null, null);
    }
}
