/** A tenant's audit log, newest first, paged. */
package io.linnet.console.audit;
