package io.linnet.push.provider;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How one send ended, as the pipeline needs to act on it. Every outcome carries the provider's own reason
 * (e.g. {@code Unregistered}, {@code UNREGISTERED}, {@code 410 Gone}) so a delivery can be recorded with it.
 */
public sealed interface DeliveryOutcome {

    /** The provider's reason, or a short description of a local or transport failure. */
    String reason();

    /**
     * Whether the provider refused the credential rather than this notification: another live credential of the
     * app may well get through.
     */
    default boolean refusesCredential() {
        return false;
    }

    /** The provider took the notification; it may still fail to reach a switched-off device. */
    record Accepted(String reason, Optional<String> providerMessageId) implements DeliveryOutcome {
        public Accepted {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(providerMessageId, "providerMessageId");
        }
    }

    /** The device address no longer exists for this app: the device should be marked invalid and skipped. */
    record DeadToken(String reason) implements DeliveryOutcome {
        public DeadToken {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * A temporary failure (rate limit, provider error, connection error, timeout): send again later, and no
     * sooner than {@code retryAfter} when the provider said so. {@code credential}: the credential was refused
     * for now (an APNs provider token that expired, which the sender replaces by itself).
     */
    record RetryLater(String reason, Optional<Duration> retryAfter, boolean credential) implements DeliveryOutcome {
        public RetryLater {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(retryAfter, "retryAfter");
        }

        public RetryLater(String reason, Optional<Duration> retryAfter) {
            this(reason, retryAfter, false);
        }

        public RetryLater(String reason) {
            this(reason, Optional.empty());
        }

        /** The credential was refused for now; it may be accepted again later. */
        public static RetryLater credential(String reason) {
            return new RetryLater(reason, Optional.empty(), true);
        }

        @Override
        public boolean refusesCredential() {
            return credential;
        }
    }

    /**
     * A permanent failure that sending again cannot fix. {@link Fault#CREDENTIAL} means every send with the same
     * credential will fail the same way (revoked key, wrong topic, expired certificate), so the pipeline can stop
     * using it and tell the app's admins.
     */
    record Rejected(String reason, Fault fault) implements DeliveryOutcome {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(fault, "fault");
        }

        @Override
        public boolean refusesCredential() {
            return fault == Fault.CREDENTIAL;
        }

        /** What a rejection is the fault of. */
        public enum Fault {
            /** This notification (payload too large, bad field, expired before it was sent). */
            NOTIFICATION,
            /** The app's credential or its configuration at the provider. */
            CREDENTIAL,
            /**
             * The device's address as it stands: a Web Push endpoint the server refuses to post to (not https, or
             * its host resolves to a private address). The delivery fails; the device is left as it is.
             */
            DEVICE
        }
    }
}
