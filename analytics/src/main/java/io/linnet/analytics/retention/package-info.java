/** Removing usage rows past their keeping, internal to analytics. */
package io.linnet.analytics.retention;
