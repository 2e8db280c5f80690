package io.linnet.tenancy.account;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Builds the link an invitee opens (and a password-reset link): on {@code LINNET_PUBLIC_URL} when configured, else on
 * {@code http://localhost:<port>}, the server's own HTTP port. Never on the request's
 * {@code Host} header: whoever sends the invitation could otherwise point the link, and the token in
 * it, at a host of their choosing.
 */
@Component
public class InvitationLinks {

    public static final String PATH = "/invitation/";
    /** Where an operator-issued password-reset link leads (see {@link PasswordReset}). */
    public static final String RESET_PATH = "/password-reset/";

    private final String publicUrl;
    private final Environment environment;

    public InvitationLinks(@Value("${linnet.public-url:}") String publicUrl, Environment environment) {
        this.environment = environment;
        String url = publicUrl.strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        this.publicUrl = url;
    }

    public String linkFor(Invitation invitation) {
        return base() + PATH + invitation.token();
    }

    /** The same base, so a reset link cannot be pointed elsewhere either. */
    public String passwordResetLink(String token) {
        return base() + RESET_PATH + token;
    }

    private String base() {
        if (!publicUrl.isEmpty()) {
            return publicUrl;
        }
        // the port the server really listens on, known once it has started (server.port may be 0)
        return "http://localhost:" + environment.getProperty("local.server.port",
                environment.getProperty("server.port", "8080"));
    }
}
