package io.linnet.server.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import io.linnet.console.login.LoginView;
import io.linnet.console.login.SingleSignOn;
import io.linnet.tenancy.Role;
import io.linnet.tenancy.account.ConsoleAccountDirectory;
import io.linnet.tenancy.account.ConsoleUser;
import io.linnet.tenancy.account.PersonalAccessTokens;
import io.linnet.tenancy.appkey.AppKeyClients;
import io.linnet.tenancy.appkey.AppKeySecrets;
import io.linnet.tenancy.appkey.AppKeyVerifier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;

import java.util.Arrays;
import java.util.Map;

/**
 * Who may call what. Five filter chains, most specific first:
 * <ol>
 *   <li>the token endpoint, where app keys (OAuth2 clients) get access tokens;</li>
 *   <li>the developer API {@code /v1}, for those access tokens;</li>
 *   <li>{@code /manage/v1} and {@code /ops/v1}, for console accounts over HTTP Basic or with a
 *   personal access token;</li>
 *   <li>health, metrics, the API documentation and invitation links, open;</li>
 *   <li>the Vaadin console, with form sign-in and, when configured, OpenID Connect single sign-on.</li>
 * </ol>
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    private static final String[] TENANT_ROLES = Arrays.stream(Role.values())
            .filter(Role::isTenantRole).map(Role::name).toArray(String[]::new);

    /**
     * bcrypt for people's passwords, SHA-256 for app-key secrets (256 random bits, see
     * {@link AppKeySecrets}); the stored hash's prefix says which. An app-key hash is final: it is
     * never "upgraded" to bcrypt on use.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        String appKeyPrefix = "{" + AppKeySecrets.ID + "}";
        return new DelegatingPasswordEncoder("bcrypt", Map.of(
                "bcrypt", new BCryptPasswordEncoder(),
                AppKeySecrets.ID, new AppKeySecrets())) {
            @Override
            protected boolean upgradeEncodingNonNull(String prefixedHash) {
                return !prefixedHash.startsWith(appKeyPrefix) && super.upgradeEncodingNonNull(prefixedHash);
            }
        };
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
        return AuthorizationServerSettings.builder().build();
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> signingKeys) {
        return NimbusJwtDecoder.withJwkSource(signingKeys).build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain tokenEndpoint(HttpSecurity http, AppKeyClients clients) throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, server -> server
                        .registeredClientRepository(clients)
                        .authorizationService(new NotStoredAuthorizations())
                        .clientAuthentication(client -> client.errorResponseHandler(ProblemResponses.tokenEndpointError()))
                        .tokenEndpoint(token -> token.errorResponseHandler(ProblemResponses.tokenEndpointError())))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(ProblemResponses.unauthorized(
                        "Basic realm=\"linnet\"", "Authenticate with the app key id and secret (HTTP Basic)")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain developerApi(HttpSecurity http, JwtDecoder jwtDecoder, AppKeyVerifier verifier) throws Exception {
        var unauthorized = ProblemResponses.unauthorized("Bearer",
                "Send an app key's access token from /oauth2/token as 'Authorization: Bearer <token>'");
        http.securityMatcher("/v1/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.decoder(jwtDecoder).jwtAuthenticationConverter(AppCallerAuthentication.converter(verifier)))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(ProblemResponses.forbidden("This access token may not do this")))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized))
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain managementApis(HttpSecurity http, PersonalAccessTokens tokens, SignInThrottle throttle,
                                       ObjectProvider<SecurityContextHolderStrategy> contexts) throws Exception {
        var unauthorized = ProblemResponses.unauthorized("Basic realm=\"linnet\", Bearer",
                "Sign in with your console account: HTTP Basic (e-mail and password) or a personal access token (Bearer lpat_...)");
        http.securityMatcher("/manage/**", "/ops/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/ops/**").hasRole(Role.OPERATOR.name())
                        .anyRequest().hasAnyRole(TENANT_ROLES))
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .addFilterBefore(new PersonalTokenAuthentication(tokens,
                                contexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy), unauthorized),
                        BasicAuthenticationFilter.class)
                .addFilterBefore(throttle.filter(), BasicAuthenticationFilter.class)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(ProblemResponses.forbidden(
                                "Your account may not use this API: /manage/v1 is for tenant members, /ops/v1 for operators")))
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain openEndpoints(HttpSecurity http) throws Exception {
        http.securityMatcher("/actuator/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error",
                        "/invitations/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    @Order(5)
    SecurityFilterChain console(HttpSecurity http, ConsoleAccountDirectory accounts, SignInThrottle throttle,
                                ObjectProvider<SecurityContextHolderStrategy> contexts,
                                ObjectProvider<ClientRegistrationRepository> singleSignOn) throws Exception {
        SecurityContextHolderStrategy strategy = contexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class))
                .addFilterBefore(throttle.filter(), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new ConsoleSessionGuard(accounts, strategy), SecurityContextHolderFilter.class);
        ClientRegistrationRepository provider = singleSignOn.getIfAvailable();
        if (provider != null) {
            http.oauth2Login(login -> login
                    .loginPage("/login")
                    .clientRegistrationRepository(provider)
                    .successHandler(new SingleSignOnSuccess(accounts, strategy))
                    .failureHandler((request, response, e) ->
                            response.sendRedirect(request.getContextPath() + "/login?" + SingleSignOn.REFUSED)));
        }
        return http.build();
    }

    @Bean
    SignInRecorder signInRecorder(ConsoleAccountDirectory accounts) {
        return new SignInRecorder(accounts);
    }

    /** Notes each console sign-in, for the team screen's "last sign-in". */
    static final class SignInRecorder {

        private final ConsoleAccountDirectory accounts;

        SignInRecorder(ConsoleAccountDirectory accounts) {
            this.accounts = accounts;
        }

        @EventListener
        void onSignIn(InteractiveAuthenticationSuccessEvent event) {
            if (event.getAuthentication().getPrincipal() instanceof ConsoleUser user) {
                accounts.recordSignIn(user.accountId());
            }
        }
    }
}
