package io.linnet.console.session;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.linnet.tenancy.Actor;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.Permission;
import io.linnet.tenancy.account.ConsoleUser;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Who is using the console right now, as the services want it: an {@link Actor} built from the
 * account as it is at this request (not as it was at sign-in), acting from the address of the
 * current request.
 */
@Component
public class SignedInAccount {

    private final AuthenticationContext authentication;

    public SignedInAccount(AuthenticationContext authentication) {
        this.authentication = authentication;
    }

    /**
     * The signed-in account as it is at this request: the server's session guard re-reads it once
     * per request, signing out a removed or disabled account and applying a changed role. An account
     * still owing its second factor is refused here, so no view can act for it.
     */
    public ConsoleUser user() {
        return authentication.getAuthenticatedUser(ConsoleUser.class)
                .filter(user -> !user.secondFactorPending())
                .orElseThrow(() -> DomainException.forbidden("You are not signed in"));
    }

    /** The account whose password was right but whose second factor is still owed, if that is who this is. */
    public Optional<ConsoleUser> owingSecondFactor() {
        return authentication.getAuthenticatedUser(ConsoleUser.class).filter(ConsoleUser::secondFactorPending);
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

    /** The address of the current request, for what is done before sign-in (a reset link, a code). */
    public static String sourceAddress() {
        VaadinRequest request = VaadinRequest.getCurrent();
        return request == null ? "unknown" : request.getRemoteAddr();
    }
}
