package io.linnet.tenancy.appkey;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AppKeySecretsTest {

    private final AppKeySecrets secrets = new AppKeySecrets();

    @Test
    void a_secret_matches_its_own_hash_only() {
        String stored = AppKeySecrets.hash("lks_correct");

        assertThat(stored).startsWith("{sha256}").doesNotContain("correct");
        String hash = stored.substring("{sha256}".length());
        assertThat(secrets.matches("lks_correct", hash)).isTrue();
        assertThat(secrets.matches("lks_wrong", hash)).isFalse();
        assertThat(secrets.matches(null, hash)).isFalse();
        assertThat(secrets.matches("lks_correct", null)).isFalse();
    }

    @Test
    void the_hash_is_stable_so_every_node_checks_it_alike() {
        assertThat(AppKeySecrets.hash("same")).isEqualTo(AppKeySecrets.hash("same"));
        assertThat(secrets.encode("same")).isEqualTo(AppKeySecrets.hash("same").substring("{sha256}".length()));
    }
}
