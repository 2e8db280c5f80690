/**
 * Push credentials, inside: the checks of each kind on upload (APNs auth keys (.p8) and certificates (.p12), FCM
 * service accounts, Web Push VAPID keys), the REST API over {@link io.linnet.push.PushCredentials}, and
 * {@link io.linnet.push.credential.LiveCredentials}, which hands the live ones with their secrets to the delivery
 * pipeline. A secret is stored encrypted and never shown again.
 */
package io.linnet.push.credential;
