/**
 * The outbound-address guard: the one check of every URL a tenant gives the server to send to (Web Push endpoints,
 * pre-send hooks, webhooks), when it is saved and on every connection, so none of them reaches into the server's own
 * network. {@link io.linnet.tenancy.outbound.OutboundGuard} is the entry point.
 *
 * <p>Part of the kernel's API: a named interface every module may use.
 */
@NamedInterface("outbound")
package io.linnet.tenancy.outbound;

import org.springframework.modulith.NamedInterface;
