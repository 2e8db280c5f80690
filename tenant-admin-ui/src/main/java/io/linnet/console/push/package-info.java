/**
 * An app's push credentials in the console: the list with metadata and expiry warnings, the upload
 * form per kind with the services' reasons shown beside the field they concern, VAPID key
 * generation (showing the public key to copy into the web app), and deletion. Never a secret.
 */
package io.linnet.console.push;
