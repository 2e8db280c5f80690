package io.linnet.tenancy;

import java.util.Set;

/**
 * Who calls the developer API: one app, through one of its keys, with the scopes the key's access
 * token carries. Built from a verified access token whose key is still live, never from ids in the
 * request.
 */
public record AppCaller(TenantId tenantId, AppId appId, String keyId, Set<String> scopes) {

    public AppCaller {
        scopes = Set.copyOf(scopes);
    }

    /** Refuses the call unless the token carries {@code scope}. */
    public void require(String scope) {
        if (!scopes.contains(scope)) {
            throw DomainException.forbidden("This access token lacks the '" + scope + "' scope");
        }
    }
}
