package io.linnet.tenancy.account;

import io.linnet.tenancy.Actor;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.audit.AuditLog;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import java.util.Map;

/** A console account changes its own password, proving it knows the current one. */
@Service
public class PasswordChange {

    private final AccountScope scope;
    private final PasswordEncoder passwords;
    private final AuditLog audit;

    PasswordChange(AccountScope scope, PasswordEncoder passwords, AuditLog audit) {
        this.scope = scope;
        this.passwords = passwords;
        this.audit = audit;
    }

    public void change(Actor actor, String currentPassword, String newPassword) {
        String checked = AccountRules.password(newPassword);
        if (checked.equals(currentPassword)) {
            throw DomainException.invalid("The new password must differ from the current one");
        }
        scope.run(actor, jdbc -> {
            String hash = jdbc.sql("select password_hash from accounts where id = ? for update")
                    .param(actor.accountId().value())
                    .query(String.class)
                    .optional()
                    .orElseThrow(() -> DomainException.notFound("Account"));
            if (currentPassword == null || !passwords.matches(currentPassword, hash)) {
                throw DomainException.invalid("The current password is not correct");
            }
            jdbc.sql("update accounts set password_hash = ? where id = ?")
                    .params(passwords.encode(checked), actor.accountId().value())
                    .update();
            audit.recordOwn(actor, "account.password_changed", actor instanceof Actor.Member ? "member" : "operator",
                    actor.accountId().toString(), Map.of());
            return null;
        });
    }
}
