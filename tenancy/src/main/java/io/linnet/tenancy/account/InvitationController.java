package io.linnet.tenancy.account;

import io.linnet.tenancy.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /invitations/{token}}: what an invitation is for, and accepting it by choosing a password.
 * Open to anyone who holds the token; the console's invitation page does the same.
 */
@RestController
@RequestMapping("/invitations/{token}")
class InvitationController {

    record AcceptRequest(String password, String displayName) {
    }

    private final InvitationAcceptance invitations;

    InvitationController(InvitationAcceptance invitations) {
        this.invitations = invitations;
    }

    @GetMapping
    InvitationAcceptance.PendingInvitation describe(@PathVariable String token) {
        return invitations.find(token).orElseThrow(() -> DomainException.notFound("Invitation (it may have expired or been used already)"));
    }

    @PostMapping
    Member accept(@PathVariable String token, @RequestBody AcceptRequest request, HttpServletRequest http) {
        return invitations.accept(token, request.password(), request.displayName(), http.getRemoteAddr());
    }
}
