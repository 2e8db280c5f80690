/**
 * Small building blocks the console's views share: feedback notifications, the services' refusals
 * shown beside the fields they concern, a copyable read-only field and a show-once dialog for new
 * secrets, a paged grid with an empty state, and date formatting.
 */
package io.linnet.console.component;
