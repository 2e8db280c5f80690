/** Per-day counts of what moderation did, bumped as it happens. */
package io.linnet.moderation.count;
