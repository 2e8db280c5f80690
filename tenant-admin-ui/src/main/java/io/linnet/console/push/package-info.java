/**
 * An app's push credentials in the console: the list with metadata and expiry warnings, the upload
 * form per kind with the services' reasons shown beside the field they concern, VAPID key
 * generation (showing the public key to copy into the web app), and deletion. Never a secret.
 * And the Push page: an app's pushes with live counts, a test push, and a user's devices.
 */
package io.linnet.console.push;
