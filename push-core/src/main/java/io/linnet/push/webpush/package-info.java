/**
 * Web Push delivery (RFC 8030) to browsers' push services: payloads encrypted with aes128gcm for the subscription
 * (RFC 8291), requests signed with the app's VAPID key (RFC 8292), JDK cryptography only. One
 * {@link io.linnet.push.webpush.WebPushSender} per VAPID key; the push service URL is each subscription's endpoint.
 */
package io.linnet.push.webpush;
