package io.linnet.tenancy.account;

import io.linnet.tenancy.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /manage/v1/account} and {@code /ops/v1/account}: the signed-in account's own settings. */
@RestController
class AccountController {

    record PasswordRequest(String currentPassword, String newPassword) {
    }

    private final PasswordChange passwords;

    AccountController(PasswordChange passwords) {
        this.passwords = passwords;
    }

    @PostMapping("/manage/v1/account/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(Actor.Member actor, @RequestBody PasswordRequest request) {
        passwords.change(actor, request.currentPassword(), request.newPassword());
    }

    @PostMapping("/ops/v1/account/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(Actor.Operator actor, @RequestBody PasswordRequest request) {
        passwords.change(actor, request.currentPassword(), request.newPassword());
    }
}
