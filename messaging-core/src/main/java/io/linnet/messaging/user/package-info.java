/**
 * An app's end users, named by the developer, and the user tokens their clients connect with:
 * minted and revoked by the developer's backend, verified by the real-time gateway.
 */
package io.linnet.messaging.user;
