package io.linnet.server.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import io.linnet.console.LoginView;
import io.linnet.console.SingleSignOn;
import io.linnet.server.web.Problems;
import io.linnet.tenancy.ErrorCode;
import io.linnet.tenancy.Role;
import io.linnet.tenancy.account.ConsoleAccountDirectory;
import io.linnet.tenancy.account.ConsoleUser;
import io.linnet.tenancy.account.PersonalAccessTokens;
import io.linnet.tenancy.appkey.AppKeyClients;
import io.linnet.tenancy.appkey.AppKeySecrets;
import io.linnet.tenancy.appkey.AppKeyVerifier;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
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
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Who may call what. Six filter chains, most specific first:
 * <ol>
 *   <li>token revocation and introspection, which are not offered (404);</li>
 *   <li>the token endpoint, where app keys (OAuth2 clients) get access tokens, throttled on failures;</li>
 *   <li>the developer API {@code /v1}, for those access tokens;</li>
 *   <li>{@code /manage/v1} and {@code /ops/v1}, for console accounts over HTTP Basic or with a
 *   personal access token;</li>
 *   <li>health, metrics, the API documentation and invitation links, open;</li>
 *   <li>the Vaadin console, with form sign-in (CSRF-protected) and, when configured, OpenID Connect
 *   single sign-on; its pages carry a Content-Security-Policy.</li>
 * </ol>
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    private static final String[] TENANT_ROLES = Arrays.stream(Role.values())
            .filter(Role::isTenantRole).map(Role::name).toArray(String[]::new);

    private static final String[] NOT_OFFERED = {"/oauth2/revoke", "/oauth2/introspect"};
    private static final List<String> NOT_OFFERED_METADATA = List.of(
            "revocation_endpoint", "revocation_endpoint_auth_methods_supported",
            "introspection_endpoint", "introspection_endpoint_auth_methods_supported");

    /**
     * What the console's pages may load and run. Vaadin's client engine runs the server's
     * JavaScript calls through {@code new Function} and its components set inline styles, hence
     * 'unsafe-eval' and 'unsafe-inline'; everything comes from the server itself, no page may frame
     * the console, and forms post only back to it.
     */
    static final String CONSOLE_CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

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

    /** Console sign-in by password, which checks the password before it tells of a suspended tenant. */
    @Bean
    DaoAuthenticationProvider consoleSignIn(ConsoleAccountDirectory accounts, PasswordEncoder passwords) {
        return PasswordFirstSignIn.provider(accounts, passwords);
    }

    /**
     * The issuer is the configured public address; without one, {@link PublicAddress} makes each
     * request look as if it came to {@code http://localhost:<port>}. Never the request's own host.
     */
    @Bean
    AuthorizationServerSettings authorizationServerSettings(PublicAddress address) {
        AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
        address.configured().ifPresent(settings::issuer);
        return settings.build();
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> signingKeys) {
        return NimbusJwtDecoder.withJwkSource(signingKeys).build();
    }

    /**
     * Token revocation and introspection are not offered: app-key tokens are self-contained and
     * checked against their key on every call, so stopping one means revoking or rotating its key.
     * These paths answer 404 and the authorization-server metadata does not advertise them, rather
     * than answer 200 to a revocation that changes nothing.
     */
    @Bean
    @Order(0)
    SecurityFilterChain endpointsNotOffered(HttpSecurity http) throws Exception {
        http.securityMatcher(NOT_OFFERED)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .addFilterBefore(new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                            throws IOException {
                        Problems.write(response, Problems.of(ErrorCode.NOT_FOUND, "This server offers no token revocation "
                                + "or introspection: access tokens stop working when their app key is revoked or rotated"), Map.of());
                    }
                }, SecurityContextHolderFilter.class)
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain tokenEndpoint(HttpSecurity http, AppKeyClients clients, PublicAddress address,
                                      TokenEndpointThrottle throttle) throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
        var errors = throttle.countingFailures(ProblemResponses.tokenEndpointError());
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, server -> server
                        .registeredClientRepository(clients)
                        .authorizationService(new NotStoredAuthorizations())
                        .authorizationServerMetadataEndpoint(metadata -> metadata.authorizationServerMetadataCustomizer(
                                advertised -> advertised.claims(claims -> NOT_OFFERED_METADATA.forEach(claims::remove))))
                        .clientAuthentication(client -> client
                                .authenticationProviders(providers -> providers.replaceAll(provider ->
                                        provider instanceof ClientSecretAuthenticationProvider
                                                ? new UniformClientAuthentication(provider) : provider))
                                .errorResponseHandler(errors))
                        .tokenEndpoint(token -> token.errorResponseHandler(errors)))
                .addFilterBefore(address.asPublicAddress(), SecurityContextHolderFilter.class)
                .addFilterBefore(throttle.filter(), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(ProblemResponses.unauthorized(
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
                                ObjectProvider<ClientRegistrationRepository> singleSignOn,
                                RequestUtil vaadinRequests) throws Exception {
        SecurityContextHolderStrategy strategy = contexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        // Vaadin's own set-up exempts the sign-in form from CSRF protection; here only the framework's
        // internal requests are (they carry Vaadin's own token), so a cross-site sign-in post fails.
        // The sign-in form sends the token it finds in the page's _csrf meta tags.
        // Vaadin denies every path that is not one of its routes, which shows a signed-in person Spring's bare
        // "Whitelabel Error Page ... 403" for a mistyped address; signed in, such a path goes to Vaadin instead and
        // gets the console's own "no page here" (signed out, it still leads to the sign-in). The APIs have their
        // own chains above, so this opens nothing else.
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class).enableCsrfConfiguration(false)
                        .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::authenticated))
                .csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest))
                .headers(headers -> headers
                        .contentSecurityPolicy(policy -> policy.policyDirectives(CONSOLE_CONTENT_SECURITY_POLICY))
                        .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                        // before the page is written: Vaadin answers its pages itself, and the headers
                        // would otherwise come too late (and Vaadin would send X-Frame-Options SAMEORIGIN)
                        .withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                            @Override
                            public <F extends HeaderWriterFilter> F postProcess(F filter) {
                                filter.setShouldWriteHeadersEagerly(true);
                                return filter;
                            }
                        }))
                .formLogin(form -> form.failureHandler(PasswordFirstSignIn.failureHandler()))
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
