/**
 * The Vaadin console for tenant admins and platform operators. Views call the public services of
 * the other modules only, never their repositories. The root package is what the server wires into
 * its security: the {@link io.linnet.console.LoginView} and {@link io.linnet.console.SingleSignOn}; the
 * views' feature packages are internal.
 */
package io.linnet.console;
