package io.linnet.server.security;

import io.linnet.server.LinnetSettings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/**
 * The address the server is known by, from configuration only: {@code LINNET_PUBLIC_URL}, or
 * {@code http://localhost:<port>} when it is unset. The authorization server would otherwise derive
 * its issuer ({@code iss} in tokens and metadata) from each request's {@code Host} header, which
 * any caller may forge.
 */
@Component
class PublicAddress {

    private final URI configured;
    private final Environment environment;

    PublicAddress(LinnetSettings settings, Environment environment) {
        this.environment = environment;
        String url = settings.publicUrl().strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        this.configured = url.isEmpty() ? null : URI.create(url);
    }

    /** The configured address, when there is one; it is then the issuer as it stands, path included. */
    Optional<String> configured() {
        return Optional.ofNullable(configured).map(URI::toString);
    }

    /** The base URL: scheme, host, port and path, without a trailing slash. */
    String baseUrl() {
        // the port the server really listens on, known once it has started (server.port may be 0)
        return configured != null ? configured.toString() : "http://localhost:" + environment.getProperty("local.server.port",
                environment.getProperty("server.port", "8080"));
    }

    /**
     * Presents each request to what follows as if it had been sent to the public address, so that
     * nothing downstream (the issuer above all) can follow the request's own {@code Host}.
     */
    OncePerRequestFilter asPublicAddress() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                chain.doFilter(new AtPublicAddress(request, URI.create(baseUrl())), response);
            }
        };
    }

    private static final class AtPublicAddress extends HttpServletRequestWrapper {

        private final URI base;

        AtPublicAddress(HttpServletRequest request, URI base) {
            super(request);
            this.base = base;
        }

        @Override
        public String getScheme() {
            return base.getScheme();
        }

        @Override
        public String getServerName() {
            return base.getHost();
        }

        @Override
        public int getServerPort() {
            return base.getPort() != -1 ? base.getPort() : "https".equalsIgnoreCase(base.getScheme()) ? 443 : 80;
        }

        @Override
        public boolean isSecure() {
            return "https".equalsIgnoreCase(base.getScheme());
        }

        @Override
        public String getHeader(String name) {
            return "Host".equalsIgnoreCase(name) ? base.getRawAuthority() : super.getHeader(name);
        }

        @Override
        public StringBuffer getRequestURL() {
            return new StringBuffer(base.getScheme() + "://" + base.getRawAuthority() + getRequestURI());
        }
    }
}
