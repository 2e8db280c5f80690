package io.linnet.console.session;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.linnet.tenancy.Actor;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.Permission;
import io.linnet.tenancy.account.ConsoleAccountDirectory;
import io.linnet.tenancy.account.ConsoleUser;
import org.springframework.stereotype.Component;

/**
 * Who is using the console right now, as the services want it: an {@link Actor} built from the
 * account as it is in the database at this moment (not as it was at sign-in), acting from the
 * address of the current request.
 */
@Component
public class SignedInAccount {

    private final AuthenticationContext authentication;
    private final ConsoleAccountDirectory accounts;

    public SignedInAccount(AuthenticationContext authentication, ConsoleAccountDirectory accounts) {
        this.authentication = authentication;
        this.accounts = accounts;
    }

    /** The signed-in account, re-read; refused when it was removed or disabled meanwhile. */
    public ConsoleUser user() {
        ConsoleUser signedIn = authentication.getAuthenticatedUser(ConsoleUser.class)
                .orElseThrow(() -> DomainException.forbidden("You are not signed in"));
        return accounts.findCurrent(signedIn.accountId())
                .filter(ConsoleUser::isEnabled)
                .orElseThrow(() -> DomainException.forbidden("Your account is no longer active; sign in again"));
    }

    public Actor actor() {
        return user().toActor(sourceAddress());
    }

    /** The signed-in tenant member; refused for an operator. */
    public Actor.Member member() {
        if (actor() instanceof Actor.Member member) {
            return member;
        }
        throw DomainException.forbidden("This page is for tenant members");
    }

    /** The signed-in platform operator; refused for a tenant member. */
    public Actor.Operator operator() {
        if (actor() instanceof Actor.Operator operator) {
            return operator;
        }
        throw DomainException.forbidden("This page is for platform operators");
    }

    /** Whether the signed-in account's role allows {@code permission}; decides which buttons a view shows. */
    public boolean may(Permission permission) {
        return user().role().allows(permission);
    }

    public void signOut() {
        authentication.logout();
    }

    private static String sourceAddress() {
        VaadinRequest request = VaadinRequest.getCurrent();
        return request == null ? "unknown" : request.getRemoteAddr();
    }
}
