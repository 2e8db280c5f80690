/**
 * Push credentials per app: APNs auth keys (.p8) and certificates (.p12), FCM service accounts and
 * Web Push VAPID keys. Each is checked on upload, its secret part stored encrypted and never shown
 * again; {@link io.linnet.push.credential.PushCredentials} hands the live ones to the delivery pipeline.
 */
package io.linnet.push.credential;
