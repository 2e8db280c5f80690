/**
 * Forgotten passwords without e-mail: an operator issues a one-time reset link for an account, and
 * whoever opens it sets a new password.
 */
package io.linnet.console.passwordreset;
