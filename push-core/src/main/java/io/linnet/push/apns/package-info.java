/**
 * APNs delivery over HTTP/2 through Pushy, with token (.p8) or certificate (.p12) authentication: one
 * {@link io.linnet.push.apns.ApnsSender} per credential, opened from an {@link io.linnet.push.apns.ApnsConnector} that
 * owns the shared event loop. APNs hosts and ports are configuration, so tests and staging point at local servers.
 */
package io.linnet.push.apns;
