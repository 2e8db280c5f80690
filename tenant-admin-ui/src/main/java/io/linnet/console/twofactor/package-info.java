/**
 * Two-factor sign-in: the second step of signing in (a code from the authenticator, or a recovery
 * code) and its set-up on the account page.
 */
package io.linnet.console.twofactor;
