package io.linnet.server.support;

import io.linnet.push.apns.MockApns;
import io.linnet.push.fcm.FakeFcmServer;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The push providers the server under test talks to: one APNs fake and one FCM fake per test JVM, like the server
 * itself, since its settings name their addresses. Web Push needs none here: each subscription names its own push
 * service, so a test starts its own {@code FakePushService}.
 */
public final class ProviderFakes {

    private static MockApns apns;
    private static FakeFcmServer fcm;

    private ProviderFakes() {
    }

    public static synchronized MockApns apns() {
        if (apns == null) {
            apns = new MockApns();
            Runtime.getRuntime().addShutdownHook(new Thread(apns::close));
        }
        return apns;
    }

    public static synchronized FakeFcmServer fcm() {
        if (fcm == null) {
            try {
                fcm = new FakeFcmServer();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(fcm::close));
        }
        return fcm;
    }
}
