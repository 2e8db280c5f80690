package io.linnet.push.webpush;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The encryption, and the fake push service's decryption, on the worked example of RFC 8291 Appendix A. */
class Aes128GcmTest {

    private static final String PLAINTEXT = "When I grow up, I want to be a watermelon";
    private static final String AS_PUBLIC =
            "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
    private static final String AS_PRIVATE = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";
    private static final String UA_PUBLIC =
            "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
    private static final String UA_PRIVATE = "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94";
    private static final String AUTH = "BTBZMqHH6r4Tts7J_aSIgg";
    private static final String SALT = "DGv6ra1nlYgDCS1FRnbzlw";
    private static final String MESSAGE = "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27ml"
            + "mlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPT"
            + "pK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN";

    private static byte[] b64(String text) {
        return Base64.getUrlDecoder().decode(text);
    }

    @Test
    void encryption_reproduces_the_rfc_8291_example_byte_for_byte() throws Exception {
        KeyPair sender = new KeyPair(P256.publicKey(b64(AS_PUBLIC)), P256.privateKey(b64(AS_PRIVATE)));

        byte[] body = Aes128Gcm.encrypt(PLAINTEXT.getBytes(StandardCharsets.UTF_8), P256.publicKey(b64(UA_PUBLIC)),
                b64(AUTH), sender, b64(SALT));

        assertThat(P256.base64Url(body)).isEqualTo(MESSAGE);
    }

    @Test
    void the_fake_push_service_decrypts_the_rfc_8291_example() throws Exception {
        byte[] plaintext = FakePushService.decrypt(b64(MESSAGE), P256.privateKey(b64(UA_PRIVATE)), b64(UA_PUBLIC),
                b64(AUTH));

        assertThat(new String(plaintext, StandardCharsets.UTF_8)).isEqualTo(PLAINTEXT);
    }

    @Test
    void every_message_gets_its_own_key_and_salt() throws Exception {
        ECPublicKey receiver = P256.publicKey(b64(UA_PUBLIC));
        byte[] first = Aes128Gcm.encrypt(new byte[10], receiver, b64(AUTH));
        byte[] second = Aes128Gcm.encrypt(new byte[10], receiver, b64(AUTH));

        assertThat(first).hasSize(86 + 10 + 1 + 16).isNotEqualTo(second);
        assertThat(FakePushService.decrypt(second, P256.privateKey(b64(UA_PRIVATE)), b64(UA_PUBLIC), b64(AUTH)))
                .isEqualTo(new byte[10]);
    }

    @Test
    void a_message_fits_in_the_4096_bytes_every_push_service_accepts() throws Exception {
        ECPublicKey receiver = P256.publicKey(b64(UA_PUBLIC));

        assertThat(Aes128Gcm.encrypt(new byte[Aes128Gcm.MAX_PLAINTEXT], receiver, b64(AUTH))).hasSize(4096);
        assertThatThrownBy(() -> Aes128Gcm.encrypt(new byte[Aes128Gcm.MAX_PLAINTEXT + 1], receiver, b64(AUTH)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_point_off_the_curve_is_not_a_key() {
        byte[] point = b64(UA_PUBLIC);
        point[64] ^= 1;

        assertThatThrownBy(() -> P256.publicKey(point)).hasMessageContaining("not on P-256");
    }
}
