/**
 * Devices: the APNs tokens, FCM registration tokens and Web Push subscriptions an app's users register
 * ({@code /v1/users/{userId}/devices}), with last seen and, once a provider reports one dead, why and
 * since when it is invalid. Targeting and offline push read them; a dead token is never sent to again.
 */
package io.linnet.push.device;
