package io.linnet.push.credential;

import io.linnet.push.CredentialUpload;
import io.linnet.tenancy.DomainException;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VapidKeyPairTest {

    private static final String SUBJECT = "mailto:push@example.com";

    private static CheckedCredential check(String publicKey, String privateKey, String subject) {
        return VapidKeyPair.check(new CredentialUpload.VapidKeys(null, publicKey, privateKey, subject));
    }

    private static void refused(String publicKey, String privateKey, String subject, String detail) {
        assertThatThrownBy(() -> check(publicKey, privateKey, subject)).isInstanceOf(DomainException.class)
                .hasMessageContaining(detail);
    }

    @Test
    void a_generated_pair_is_in_the_raw_base64url_form_and_passes_its_own_check() {
        VapidKeyPair pair = VapidKeyPair.generate();

        byte[] publicKey = Base64.getUrlDecoder().decode(pair.publicKey());
        assertThat(publicKey).hasSize(65);
        assertThat(publicKey[0]).isEqualTo((byte) 0x04);
        assertThat(Base64.getUrlDecoder().decode(pair.privateKey())).hasSize(32);
        assertThat(pair.publicKey()).doesNotContain("=", "+", "/");
        assertThat(pair.toString()).doesNotContain(pair.privateKey());

        CheckedCredential checked = check(pair.publicKey(), pair.privateKey(), SUBJECT);
        assertThat(checked.metadata()).containsEntry("publicKey", pair.publicKey()).containsEntry("subject", SUBJECT)
                .doesNotContainKey("privateKey");
        assertThat(checked.secret()).containsEntry("privateKey", pair.privateKey());
        assertThat(checked.label()).isEqualTo("VAPID keys");
    }

    @Test
    void keys_in_standard_base64_with_padding_are_accepted_and_stored_as_base64url() {
        VapidKeyPair pair = VapidKeyPair.generate();
        String publicKey = Base64.getEncoder().encodeToString(Base64.getUrlDecoder().decode(pair.publicKey()));
        String privateKey = Base64.getEncoder().encodeToString(Base64.getUrlDecoder().decode(pair.privateKey()));

        assertThat(check(publicKey, privateKey, "https://example.com/contact").metadata())
                .containsEntry("publicKey", pair.publicKey());
    }

    @Test
    void two_halves_of_different_pairs_are_refused() {
        refused(VapidKeyPair.generate().publicKey(), VapidKeyPair.generate().privateKey(), SUBJECT,
                "publicKey and privateKey are not one key pair");
    }

    @Test
    void keys_of_the_wrong_size_shape_or_curve_are_refused() {
        VapidKeyPair pair = VapidKeyPair.generate();
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        byte[] offCurve = Base64.getUrlDecoder().decode(pair.publicKey());
        offCurve[64] ^= 1;

        refused(url.encodeToString(new byte[33]), pair.privateKey(), SUBJECT,
                "publicKey must be an uncompressed P-256 point in base64url (65 bytes starting with 0x04); got 33 bytes");
        refused(pair.publicKey(), url.encodeToString(new byte[31]), SUBJECT, "privateKey must be a P-256 private key in base64url (32 bytes); got 31 bytes");
        refused(url.encodeToString(offCurve), pair.privateKey(), SUBJECT, "publicKey is not a point on the P-256 curve");
        refused(pair.publicKey(), url.encodeToString(new byte[32]), SUBJECT, "privateKey is not a valid P-256 private key");
        refused("not*base64", pair.privateKey(), SUBJECT, "publicKey is not base64url");
        refused(pair.publicKey(), null, SUBJECT, "privateKey is required");
    }

    @Test
    void the_subject_must_be_a_mailto_address_or_an_https_url() {
        VapidKeyPair pair = VapidKeyPair.generate();

        refused(pair.publicKey(), pair.privateKey(), null, "subject must be a mailto: address or an https: URL");
        refused(pair.publicKey(), pair.privateKey(), "push@example.com", "subject must be a mailto: address or an https: URL");
        refused(pair.publicKey(), pair.privateKey(), "http://example.com", "subject must be a mailto: address or an https: URL");
        refused(pair.publicKey(), pair.privateKey(), "mailto:nobody", "has no valid address");
        refused(pair.publicKey(), pair.privateKey(), "https://", "is not a valid URL");
        assertThat(VapidKeyPair.subject(" https://example.com ")).isEqualTo("https://example.com");
    }
}
