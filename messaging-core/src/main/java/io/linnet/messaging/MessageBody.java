package io.linnet.messaging;

import tools.jackson.databind.JsonNode;

import java.util.List;

/**
 * A message's content as a client or backend sends it, before it is checked: {@code type} is
 * {@code text} (with {@code text}) or {@code custom} (with a JSON object in {@code data}); both may
 * carry attachment metadata, mentioned user ids and the id of the message they reply to.
 */
public record MessageBody(String type, String text, JsonNode data, List<Attachment> attachments, List<String> mentions,
                          String replyTo) {

    /** Metadata of a file stored elsewhere: where it is, its media type, size in bytes and name. */
    public record Attachment(String url, String type, Long size, String name) {
    }
}
