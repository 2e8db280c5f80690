package io.linnet.tenancy.account;

import io.linnet.tenancy.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /ops/v1/password-resets}: an operator issues a one-time password-reset link for an active
 * account (see {@link PasswordReset}); the link is in the answer only, to hand over in person.
 */
@RestController
class PasswordResetController {

    record ResetRequest(String email) {
    }

    private final PasswordReset resets;

    PasswordResetController(PasswordReset resets) {
        this.resets = resets;
    }

    @PostMapping("/ops/v1/password-resets")
    @ResponseStatus(HttpStatus.CREATED)
    PasswordReset.IssuedLink issue(Actor.Operator actor, @RequestBody ResetRequest request) {
        return resets.issue(actor, request.email());
    }
}
