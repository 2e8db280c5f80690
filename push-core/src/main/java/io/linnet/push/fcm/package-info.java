/**
 * FCM delivery through the HTTP v1 API with a small {@code java.net.http} client: one
 * {@link io.linnet.push.fcm.FcmSender} per service account, which mints its OAuth access tokens with the account's own
 * key at the configured token endpoint (Google's, never the file's {@code token_uri}). The FCM base URL and the token
 * endpoint are configuration, so tests and staging use local servers.
 */
package io.linnet.push.fcm;
