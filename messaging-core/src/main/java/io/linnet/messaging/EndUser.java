package io.linnet.messaging;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/** An end user of an app, as the developer described them. {@code name} and {@code avatarUrl} may be null. */
public record EndUser(UserId userId, String name, String avatarUrl, JsonNode custom, List<String> tags,
                      Instant createdAt, Instant updatedAt) {

    public EndUser {
        tags = List.copyOf(tags);
    }
}
