/**
 * Real-time messaging: an app's end users and their tokens ({@code user}), conversations and
 * members ({@code conversation}), and messages with a gap-free per-conversation seq, history and
 * recall ({@code message}). The root package holds what other modules may use: typed ids, the
 * settings, and the events {@link io.linnet.messaging.MessageSent} and {@link io.linnet.messaging.MessageRecalled}.
 */
package io.linnet.messaging;
