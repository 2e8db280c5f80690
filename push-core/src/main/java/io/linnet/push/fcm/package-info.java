/**
 * FCM delivery through the HTTP v1 API with a small {@code java.net.http} client: one
 * {@link io.linnet.push.fcm.FcmSender} per service account, which mints its OAuth access tokens with the account's own
 * key at the account's {@code token_uri}. The FCM base URL is configuration, so tests and staging use local servers.
 */
package io.linnet.push.fcm;
