/**
 * Push notifications: devices ({@code device}), push credentials ({@code credential}), the APNs, FCM and Web Push
 * providers ({@code provider}, {@code apns}, {@code fcm}, {@code webpush}), push jobs with targeting, templates and
 * scheduling ({@code job}), the delivery outbox with its workers, retries and dead-token clean-up
 * ({@code delivery}), and offline push for chat messages ({@code offline}). {@link io.linnet.push.PushSettings}
 * holds the settings.
 */
package io.linnet.push;
