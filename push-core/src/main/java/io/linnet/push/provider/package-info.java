/**
 * The contract every push provider implements: a provider-neutral {@link io.linnet.push.provider.Notification},
 * the {@link io.linnet.push.provider.DeviceAddress} it goes to, a {@link io.linnet.push.provider.PushSender} per
 * credential, and the {@link io.linnet.push.provider.DeliveryOutcome} each send ends in.
 */
package io.linnet.push.provider;
