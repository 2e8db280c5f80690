package io.linnet.push.offline;

import io.linnet.messaging.MessageSent;
import io.linnet.push.OfflinePushPolicy;
import io.linnet.push.PushContent;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an offline member's lock screen says about a chat message, as the app's preview policy allows:
 * {@code full} shows the sender (and the group) with a text preview or a placeholder for what has no text;
 * {@code sender} who wrote but not what; {@code none} only that a message arrived. The data always carries the
 * conversation, message and seq, so the app opens the right place and syncs from there.
 */
final class ChatNotification {

    static final int PREVIEW_LENGTH = 120;

    private ChatNotification() {
    }

    /**
     * @param senderName       the sender's display name (their user id when they have none)
     * @param groupName        the group's name; null for a direct conversation
     * @param unread           the recipient's unread messages across conversations, for the badge
     */
    static PushContent of(MessageSent message, OfflinePushPolicy policy, String senderName, String groupName,
                          boolean group, int unread) {
        String title;
        String body;
        String groupTitle = groupName == null || groupName.isBlank() ? "Group chat" : groupName;
        switch (policy.preview()) {
            case "none" -> {
                title = "";
                body = "New message";
            }
            case "sender" -> {
                title = group ? groupTitle : senderName;
                body = group ? "New message from " + senderName : "New message";
            }
            default -> {
                title = group ? groupTitle : senderName;
                body = group ? senderName + ": " + preview(message.body()) : preview(message.body());
            }
        }
        Map<String, String> data = new LinkedHashMap<>();
        data.put("type", "message");
        data.put("conversationId", message.conversationId().toString());
        data.put("messageId", message.messageId().toString());
        data.put("seq", Long.toString(message.seq()));
        data.put("count", "1");
        if (!"none".equals(policy.preview())) {
            data.put("senderId", message.senderId().value());
        }
        return new PushContent(title, body, data, unread, "default", null, Map.of());
    }

    /** The message's text, shortened; or what kind of message it is when it has none. */
    static String preview(JsonNode body) {
        String text = body.path("text").asString("");
        if (!text.isBlank()) {
            return shortened(text.strip());
        }
        JsonNode attachments = body.path("attachments");
        if (attachments.isArray() && !attachments.isEmpty()) {
            String type = attachments.get(0).path("type").asString("");
            String kind = type.startsWith("image/") ? "Photo" : type.startsWith("video/") ? "Video"
                    : type.startsWith("audio/") ? "Voice message" : "File";
            return attachments.size() == 1 ? kind : attachments.size() + " attachments";
        }
        return "New message";
    }

    private static String shortened(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        if (oneLine.codePointCount(0, oneLine.length()) <= PREVIEW_LENGTH) {
            return oneLine;
        }
        int end = oneLine.offsetByCodePoints(0, PREVIEW_LENGTH - 1);
        return oneLine.substring(0, end) + "…";
    }
}
