/**
 * Offline push for chat: when a message reaches members with no connected device
 * ({@link io.linnet.messaging.MessageSent}), their registered devices get a notification, written as the app's
 * {@link io.linnet.push.OfflinePushPolicy} allows (sender and text, sender only, or nothing), with their
 * unread count as badge, and collapsed per conversation so that a burst of messages is one notification.
 */
package io.linnet.push.offline;
