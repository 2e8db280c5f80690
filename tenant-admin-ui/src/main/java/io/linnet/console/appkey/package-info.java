/** An app's keys: create and rotate (the secret is shown once), revoke. */
package io.linnet.console.appkey;
