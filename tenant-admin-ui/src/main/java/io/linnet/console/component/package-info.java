/**
 * Small building blocks the console's views share: feedback notifications, a copyable read-only
 * field for one-time links and secrets, a paged grid with an empty state, and date formatting.
 */
package io.linnet.console.component;
