package io.linnet.push.credential;

import io.linnet.push.CredentialId;
import io.linnet.push.CredentialUpload;
import io.linnet.tenancy.Ids;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PushCredentialMaterialTest {

    private static final CredentialId ID = new CredentialId(Ids.next());

    @Test
    void secrets_stay_out_of_every_string_form_so_they_cannot_reach_a_log() {
        Instant now = Instant.now();
        String pem = GeneratedCredentials.pem(GeneratedCredentials.ec("secp256r1"));

        assertThat(new PushCredentialMaterial.ApnsToken(ID, now, "ABC123DEFG", "TEAM123456", "com.example.chat",
                ApnsEnvironment.BOTH, pem).toString()).contains("ABC123DEFG").doesNotContain("PRIVATE KEY");
        assertThat(new PushCredentialMaterial.ApnsCertificate(ID, now, "com.example.chat", ApnsEnvironment.PRODUCTION,
                now, "UDEy", "the-password").toString()).doesNotContain("the-password").doesNotContain("UDEy");
        assertThat(new PushCredentialMaterial.Fcm(ID, now, "p", "a@b.c", "{\"private_key\":\"secret\"}").toString())
                .doesNotContain("secret");
        assertThat(new PushCredentialMaterial.Vapid(ID, now, "mailto:a@b.c", "public", "private-part").toString())
                .doesNotContain("private-part");
        assertThat(new CredentialUpload.ApnsCertificate("l", new byte[]{1}, "the-password", null).toString())
                .doesNotContain("the-password");
        assertThat(new CredentialUpload.VapidKeys("l", "pub", "private-part", "mailto:a@b.c").toString())
                .doesNotContain("private-part");
    }
}
