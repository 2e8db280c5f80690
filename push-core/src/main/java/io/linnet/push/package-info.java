/**
 * Push notifications (to come): devices, push credentials, the APNs, FCM and Web Push providers,
 * push jobs with targeting and scheduling, the delivery outbox with retries and dead-token cleanup,
 * and offline push for chat messages.
 */
package io.linnet.push;
