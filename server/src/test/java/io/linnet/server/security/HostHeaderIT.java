package io.linnet.server.security;

import io.linnet.server.support.Api;
import io.linnet.server.support.Fixtures;
import io.linnet.server.support.ServerIT;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without {@code LINNET_PUBLIC_URL} (as in these tests) the server names itself
 * {@code http://localhost:<port>}; a forged {@code Host} header changes neither the issuer of the
 * metadata and the tokens nor the invitation links.
 */
class HostHeaderIT extends ServerIT {

    private static final String FORGED = "evil.example:666";

    @Test
    void a_forged_host_changes_neither_the_metadata_issuer_nor_the_token_issuer() {
        ForgedHost forged = new ForgedHost(port, FORGED);
        String expected = "http://localhost:" + port;

        ForgedHost.Answer metadata = forged.get("/.well-known/oauth-authorization-server", Map.of());
        assertThat(metadata.status()).as(metadata.body()).isEqualTo(200);
        assertThat(metadata.json().get("issuer").asString()).isEqualTo(expected);
        assertThat(metadata.json().get("token_endpoint").asString()).isEqualTo(expected + "/oauth2/token");
        assertThat(metadata.body()).doesNotContain("evil.example");

        Fixtures.TenantOwner owner = fixtures().tenant("Host Header Token");
        Fixtures.AppKey key = fixtures().key(owner, fixtures().app(owner, "host-header"));
        ForgedHost.Answer token = forged.post("/oauth2/token", Map.of("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((key.keyId() + ":" + key.secret()).getBytes(StandardCharsets.UTF_8))),
                "application/x-www-form-urlencoded", "grant_type=client_credentials");
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        String jwt = token.json().get("access_token").asString();
        var claims = Api.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        assertThat(claims.get("iss").asString()).isEqualTo(expected);
        assertThat(api().bearer(jwt).get("/v1/app").status()).isEqualTo(200);
    }

    @Test
    void a_forged_host_does_not_change_the_invitation_link() {
        Fixtures.TenantOwner owner = fixtures().tenant("Host Header Invite");
        ForgedHost.Answer invited = new ForgedHost(port, FORGED).post("/manage/v1/members",
                Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (owner.email() + ":" + Fixtures.PASSWORD).getBytes(StandardCharsets.UTF_8))),
                "application/json", "{\"email\":\"host.header-" + UUID.randomUUID() + "@invite.test\",\"role\":\"VIEWER\"}");

        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        assertThat(invited.json().get("invitationUrl").asString()).startsWith("http://localhost:" + port + "/invitation/");
        assertThat(invited.body()).doesNotContain("evil.example");
    }
}
