/**
 * A planted violation for {@link io.linnet.server.architecture.ModulesTest}: two tiny modules laid out
 * like Linnet's, where {@code shop} reaches into {@code ledger}'s internal package. The module check
 * must catch it; a check that passes here protects nothing.
 */
package io.linnet.server.architecture.planted;
