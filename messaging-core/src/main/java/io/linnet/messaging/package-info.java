/**
 * Real-time messaging. The root package is the module's API, the only part other modules may use:
 * typed ids, the settings, the services other modules call ({@link io.linnet.messaging.UserManagement},
 * {@link io.linnet.messaging.Inbox}, {@link io.linnet.messaging.MessageHistory},
 * {@link io.linnet.messaging.MessageRecall}), the {@link io.linnet.messaging.SendScreen} port that
 * moderation plugs into, and the events {@link io.linnet.messaging.MessageSent} and
 * {@link io.linnet.messaging.MessageRecalled}. The feature packages are internal: end users and their
 * tokens ({@code user}), conversations and members ({@code conversation}), messages with a gap-free
 * per-conversation seq ({@code message}) and the WebSocket gateway ({@code gateway}).
 */
package io.linnet.messaging;
