package io.linnet.billing;

/**
 * The limits of a plan, enforced on every node.
 *
 * @param maxApps                 apps a tenant may have
 * @param maxConnectionsPerApp    WebSocket connections open at once per app, over all nodes
 * @param apiRequestsPerSecond    developer API requests per second per app key
 * @param sendsPerSecondPerUser   messages per second per end user (WebSocket and REST together)
 * @param pushesPerSecondPerApp   push requests per second per app
 * @param messageRetentionDays    how long messages are kept
 */
public record PlanLimits(int maxApps, int maxConnectionsPerApp, int apiRequestsPerSecond, int sendsPerSecondPerUser,
                         int pushesPerSecondPerApp, int messageRetentionDays) {
}
