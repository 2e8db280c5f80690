package io.linnet.moderation.hook;

import tools.jackson.databind.node.ObjectNode;

/**
 * What an app's pre-send hook is asked about: one message on its way in, before it is stored, with where it goes and
 * who sent it. Plain strings, as this is what the hook receives as JSON.
 *
 * @param conversationType {@code direct} or {@code group}
 * @param body the message body as it would be stored
 */
public record HookCall(String tenantId, String appId, String conversationId, String conversationType, String senderId,
                       String clientMsgId, ObjectNode body) {
}
