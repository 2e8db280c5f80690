/**
 * Real-time messaging (to come): end users and user tokens, conversations, messages with
 * per-conversation seq, offline sync, receipts and recall, presence, the WebSocket gateway and
 * cross-node routing, and moderation on the send path.
 */
package io.linnet.messaging;
