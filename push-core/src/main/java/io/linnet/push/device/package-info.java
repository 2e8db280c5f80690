/**
 * Devices, inside: the REST API over {@link io.linnet.push.Devices} ({@code /v1/users/{userId}/devices}), where an
 * app's users register their APNs tokens, FCM registration tokens and Web Push subscriptions. Targeting and offline
 * push read the devices; one a provider reported dead is never sent to again.
 */
package io.linnet.push.device;
