package io.linnet.server.security;

import io.linnet.server.LinnetSettings;
import jakarta.servlet.ServletContext;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.stereotype.Component;

/**
 * Marks the console's session cookie {@code Secure} when people reach the server over https
 * ({@code LINNET_PUBLIC_URL} starts with {@code https://}), so a plain-http request can never carry
 * it. {@code SameSite=Lax} comes from {@code server.servlet.session.cookie.same-site}.
 */
@Component
class SessionCookieSecurity implements ServletContextInitializer {

    private final boolean https;

    SessionCookieSecurity(LinnetSettings settings) {
        this.https = settings.publicUrlIsHttps();
    }

    @Override
    public void onStartup(ServletContext servletContext) {
        if (https) {
            servletContext.getSessionCookieConfig().setSecure(true);
        }
    }
}
