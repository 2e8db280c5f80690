package io.linnet.tenancy.secret;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretCipherTest {

    private final String key = SecretCipher.generateKey();

    @Test
    void a_secret_comes_back_as_it_went_in_and_never_appears_in_its_ciphertext() {
        SecretCipher cipher = new SecretCipher(key, List.of());

        String sealed = cipher.encrypt("-----BEGIN PRIVATE KEY----- é 🔑");

        assertThat(sealed).startsWith("v1:" + cipher.currentKeyId() + ":").doesNotContain("PRIVATE");
        assertThat(cipher.decrypt(sealed)).isEqualTo("-----BEGIN PRIVATE KEY----- é 🔑");
    }

    @Test
    void the_same_secret_seals_differently_each_time() {
        SecretCipher cipher = new SecretCipher(key, List.of());

        assertThat(cipher.encrypt("same")).isNotEqualTo(cipher.encrypt("same"));
    }

    @Test
    void an_altered_ciphertext_is_refused() {
        SecretCipher cipher = new SecretCipher(key, List.of());
        String sealed = cipher.encrypt("secret");
        char last = sealed.charAt(sealed.length() - 2);
        String altered = sealed.substring(0, sealed.length() - 2) + (last == 'A' ? 'B' : 'A') + sealed.charAt(sealed.length() - 1);

        assertThatThrownBy(() -> cipher.decrypt(altered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void after_a_rotation_the_new_key_seals_and_the_retired_key_still_opens_old_secrets() {
        SecretCipher before = new SecretCipher(key, List.of());
        String old = before.encrypt("old secret");
        SecretCipher after = new SecretCipher(SecretCipher.generateKey(), List.of(key));

        assertThat(after.decrypt(old)).isEqualTo("old secret");
        assertThat(after.needsReencryption(old)).isTrue();
        assertThat(after.needsReencryption(after.encrypt("new"))).isFalse();
        assertThatThrownBy(() -> new SecretCipher(SecretCipher.generateKey(), List.of()).decrypt(old))
                .hasMessageContaining("LINNET_MASTER_KEY_RETIRED");
    }

    @Test
    void a_master_key_must_be_256_bits_of_base64() {
        assertThatThrownBy(() -> new SecretCipher("c2hvcnQ=", List.of())).hasMessageContaining("256 bits");
        assertThatThrownBy(() -> new SecretCipher("not base64!", List.of())).hasMessageContaining("base64");
    }

    @Test
    void derived_secrets_depend_on_the_purpose_and_the_key() {
        SecretCipher cipher = new SecretCipher(key, List.of());

        assertThat(cipher.deriveSecret("a")).isEqualTo(new SecretCipher(key, List.of()).deriveSecret("a"));
        assertThat(cipher.deriveSecret("a")).isNotEqualTo(cipher.deriveSecret("b"));
        assertThat(cipher.deriveSecret("a")).isNotEqualTo(new SecretCipher(SecretCipher.generateKey(), List.of()).deriveSecret("a"));
    }
}
