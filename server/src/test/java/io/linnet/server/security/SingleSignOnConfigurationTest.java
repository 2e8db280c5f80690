package io.linnet.server.security;

import io.linnet.server.LinnetSettings;
import io.linnet.server.support.FakeOidcProvider;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SingleSignOnConfigurationTest {

    private static final FakeOidcProvider PROVIDER = new FakeOidcProvider();

    @Test
    void with_a_public_url_the_provider_sends_people_back_to_it() {
        assertThat(registration("https://chat.example.com/").getRedirectUri())
                .isEqualTo("https://chat.example.com/login/oauth2/code/{registrationId}");
    }

    @Test
    void without_one_the_return_address_is_left_to_spring_securitys_default() {
        assertThat(registration("").getRedirectUri()).isEqualTo("{baseUrl}/{action}/oauth2/code/{registrationId}");
    }

    private static ClientRegistration registration(String publicUrl) {
        LinnetSettings settings = new Binder(new MapConfigurationPropertySource(Map.of(
                "linnet.public-url", publicUrl,
                "linnet.sso.issuer-uri", PROVIDER.issuer(),
                "linnet.sso.client-id", FakeOidcProvider.CLIENT_ID)))
                .bindOrCreate("linnet", LinnetSettings.class);
        ClientRegistrationRepository repository = new SingleSignOnConfiguration()
                .singleSignOnProvider(settings, new PublicAddress(settings, new MockEnvironment()));
        return repository.findByRegistrationId("sso");
    }
}
