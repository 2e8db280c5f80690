/**
 * Moderation on the send path ({@link io.linnet.moderation.screening.SendModeration}, messaging's
 * {@link io.linnet.messaging.SendScreen}) and each node's compiled copy of an app's moderation
 * ({@link io.linnet.moderation.screening.ModerationStates}), which every node drops when it changes.
 */
package io.linnet.moderation.screening;
