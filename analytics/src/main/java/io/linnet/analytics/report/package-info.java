/** The analytics HTTP API, internal to analytics: JSON and CSV renderings of {@link io.linnet.analytics.UsageReport}. */
package io.linnet.analytics.report;
