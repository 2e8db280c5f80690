package io.linnet.tenancy.account;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Builds the link an invitee opens: on {@code LINNET_PUBLIC_URL} when configured, else on the address
 * the current request came to.
 */
@Component
public class InvitationLinks {

    public static final String PATH = "/invitation/";

    private final String publicUrl;

    public InvitationLinks(@Value("${linnet.public-url:}") String publicUrl) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    public String linkFor(Invitation invitation) {
        String base = publicUrl.isBlank() ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() : publicUrl;
        return base + PATH + invitation.token();
    }
}
