package io.linnet.server.security;

import io.linnet.console.SingleSignOn;
import io.linnet.server.LinnetSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;

/**
 * The OpenID Connect provider of the console's single sign-on, when {@code LINNET_SSO_ISSUER_URI}
 * is set; its settings are read from the provider's discovery document at start-up.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${linnet.sso.issuer-uri:}' != ''")
class SingleSignOnConfiguration {

    @Bean
    ClientRegistrationRepository singleSignOnProvider(LinnetSettings settings, PublicAddress address) {
        LinnetSettings.Sso sso = settings.sso();
        if (sso.clientId().isBlank()) {
            throw new IllegalStateException("LINNET_SSO_CLIENT_ID is required when LINNET_SSO_ISSUER_URI is set");
        }
        ClientRegistration.Builder provider = ClientRegistrations.fromIssuerLocation(sso.issuerUri())
                .registrationId(SingleSignOn.REGISTRATION)
                .clientId(sso.clientId())
                .clientSecret(sso.clientSecret())
                .scope("openid", "email", "profile")
                .clientName(sso.label());
        // with a public address, the provider is told to send people back there, not to whatever
        // Host header the request that started the sign-in carried
        address.configured().ifPresent(base -> provider.redirectUri(base + "/login/oauth2/code/{registrationId}"));
        return new InMemoryClientRegistrationRepository(provider.build());
    }

    @Bean
    SingleSignOn singleSignOn(LinnetSettings settings) {
        return new SingleSignOn(settings.sso().label());
    }
}
