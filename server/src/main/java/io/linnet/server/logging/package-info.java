/**
 * What the server's log lines say about whose request they were written for: every HTTP request gets
 * an id (answered in {@code X-Request-Id}), and, once its caller is authenticated, its tenant and app
 * join it in the MDC ({@link io.linnet.tenancy.LogContext}), which the text and JSON log formats print.
 */
package io.linnet.server.logging;
