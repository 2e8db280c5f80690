package io.linnet.push.delivery;

import io.linnet.push.CredentialId;
import io.linnet.push.PushProvider;
import io.linnet.push.PushSettings;
import io.linnet.push.credential.ApnsEnvironment;
import io.linnet.push.credential.LiveCredentials;
import io.linnet.push.provider.DeliveryOutcome.Rejected.Fault;
import io.linnet.push.provider.DeliveryOutcome;
import io.linnet.push.provider.DeviceAddress;
import io.linnet.push.provider.Notification;
import io.linnet.push.provider.PushSender;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.Ids;
import io.linnet.tenancy.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

/** Falling back to an app's other live credential when the provider refuses one as such. */
class CredentialSendersTest {

    private static final TenantId TENANT = new TenantId(Ids.next());
    private static final AppId APP = new AppId(Ids.next());
    private static final DeviceAddress DEVICE = new DeviceAddress.Fcm("fcm-token");
    private static final Notification HELLO = Notification.builder().title("Hello").build();

    private final LiveCredentials credentials = mock(LiveCredentials.class);
    private final CredentialSenders senders = new CredentialSenders(credentials, null, null, null, PushSettings.defaults());

    @AfterEach
    void close() {
        senders.close();
    }

    /** A sender that answers every send with {@code outcome}, and counts them. */
    private record Answering(DeliveryOutcome outcome, AtomicInteger sends) implements PushSender {
        Answering(DeliveryOutcome outcome) {
            this(outcome, new AtomicInteger());
        }

        @Override
        public PushProvider provider() {
            return PushProvider.FCM;
        }

        @Override
        public CompletableFuture<DeliveryOutcome> send(DeviceAddress device, Notification notification) {
            sends.incrementAndGet();
            return CompletableFuture.completedFuture(outcome);
        }

        @Override
        public void close() {
        }
    }

    private static CredentialSenders.Usable usable(CredentialId id, PushSender sender) {
        return new CredentialSenders.Usable(id, sender, ApnsEnvironment.BOTH);
    }

    private DeliveryOutcome send(CredentialSenders.Usable... usable) throws Exception {
        return senders.send(TENANT, APP, List.of(usable), DEVICE, HELLO).get(10, TimeUnit.SECONDS);
    }

    @Test
    void a_credential_the_provider_refuses_hands_the_notification_to_the_other_one_and_is_written_down() throws Exception {
        var accepted = new DeliveryOutcome.Accepted("OK", Optional.of("projects/p/messages/1"));
        CredentialId newer = new CredentialId(Ids.next());
        CredentialId older = new CredentialId(Ids.next());

        DeliveryOutcome outcome = send(usable(newer, new Answering(new DeliveryOutcome.Rejected("SENDER_ID_MISMATCH",
                Fault.CREDENTIAL))), usable(older, new Answering(accepted)));

        assertThat(outcome).isEqualTo(accepted);
        verify(credentials, timeout(5_000)).recordRejection(TENANT, APP, newer, "SENDER_ID_MISMATCH");
        verify(credentials, timeout(5_000)).clearRejection(TENANT, APP, older);
    }

    @Test
    void a_refusal_that_may_pass_is_retried_later_when_the_other_credential_is_refused_for_good() throws Exception {
        DeliveryOutcome outcome = send(
                usable(new CredentialId(Ids.next()), new Answering(DeliveryOutcome.RetryLater.credential("ExpiredProviderToken"))),
                usable(new CredentialId(Ids.next()), new Answering(new DeliveryOutcome.Rejected("BadCertificate", Fault.CREDENTIAL))));

        assertThat(outcome).isEqualTo(DeliveryOutcome.RetryLater.credential("ExpiredProviderToken"));
    }

    @Test
    void when_every_credential_is_refused_for_good_the_last_refusal_is_the_outcome() throws Exception {
        DeliveryOutcome outcome = send(
                usable(new CredentialId(Ids.next()), new Answering(new DeliveryOutcome.Rejected("InvalidProviderToken", Fault.CREDENTIAL))),
                usable(new CredentialId(Ids.next()), new Answering(new DeliveryOutcome.Rejected("BadCertificate", Fault.CREDENTIAL))));

        assertThat(outcome).isEqualTo(new DeliveryOutcome.Rejected("BadCertificate", Fault.CREDENTIAL));
    }

    @Test
    void answers_that_are_not_about_the_credential_end_the_send_with_the_first_one() throws Exception {
        Answering other = new Answering(new DeliveryOutcome.Accepted("OK", Optional.empty()));
        CredentialId first = new CredentialId(Ids.next());

        assertThat(send(usable(first, new Answering(new DeliveryOutcome.DeadToken("UNREGISTERED"))), usable(new CredentialId(Ids.next()), other)))
                .isEqualTo(new DeliveryOutcome.DeadToken("UNREGISTERED"));
        assertThat(send(usable(first, new Answering(new DeliveryOutcome.RetryLater("UNAVAILABLE"))), usable(new CredentialId(Ids.next()), other)))
                .isEqualTo(new DeliveryOutcome.RetryLater("UNAVAILABLE"));
        assertThat(send(usable(first, new Answering(new DeliveryOutcome.Rejected("INVALID_ARGUMENT", Fault.NOTIFICATION))),
                usable(new CredentialId(Ids.next()), other))).isEqualTo(new DeliveryOutcome.Rejected("INVALID_ARGUMENT", Fault.NOTIFICATION));
        assertThat(other.sends()).hasValue(0);
        verify(credentials, never()).recordRejection(any(), any(), any(), any());
    }
}
