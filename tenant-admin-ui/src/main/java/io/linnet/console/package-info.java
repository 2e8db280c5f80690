/**
 * The Vaadin console for tenant admins and platform operators. Views call the public services of
 * the other modules only, never their repositories.
 */
package io.linnet.console;
