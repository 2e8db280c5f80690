/**
 * Usage analytics in the console: an app's overview (its landing page), the analytics page of one app
 * or of the whole tenant (a range picker, charts with their numbers and CSV downloads), and the
 * operator's platform page (the tenants ranked by use). Reads only {@code io.linnet.analytics.Analytics}
 * and the other modules' public services.
 */
package io.linnet.console.analytics;
