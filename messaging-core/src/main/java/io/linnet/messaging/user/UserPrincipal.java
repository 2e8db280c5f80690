package io.linnet.messaging.user;

import io.linnet.tenancy.AppRef;
import io.linnet.messaging.UserId;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.TenantId;

/** An end user authenticated by a verified user token: who they are, in which app of which tenant. */
public record UserPrincipal(TenantId tenantId, AppId appId, UserId userId) {

    public AppRef app() {
        return new AppRef(tenantId, appId);
    }
}
