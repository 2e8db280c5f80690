/**
 * Analytics: exact usage metering of every app, from the other modules' events and ports, never from
 * their tables. Each node counts in memory ({@code meter}) and adds its counts to hourly and daily
 * rows every few seconds; {@link io.linnet.analytics.Analytics} reads them back for the analytics API,
 * the console's overview and charts, and (to come) billing. The root package is the module's API;
 * {@code meter} (counting and flushing), {@code report} (the HTTP API) and {@code retention} are
 * internal.
 *
 * <p>A module of its own rather than a part of billing: a self-hosted operator who bills nobody still
 * wants the dashboards, and billing prices what this module measured, so billing depends on
 * analytics and never the other way round.
 */
package io.linnet.analytics;
