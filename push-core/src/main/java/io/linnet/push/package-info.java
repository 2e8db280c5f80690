/**
 * Push notifications. The API, what other modules may use, is this package: push jobs ({@link PushJobs} stores a
 * checked {@link NewPush}; {@link PushJob} shows one with its counts), devices ({@link Devices}), push credentials
 * ({@link PushCredentials}), the offline push policy ({@link OfflinePushPolicies}), their typed ids and values, and
 * {@link PushSettings}. Everything else is internal, by feature: {@code device}, {@code credential}, the providers
 * ({@code provider}, {@code apns}, {@code fcm}, {@code webpush}), {@code job} (scheduling, templates),
 * {@code delivery} (the outbox with its workers, retries and dead-token clean-up) and {@code offline} (chat messages
 * to members who are offline).
 */
package io.linnet.push;
