package io.linnet.tenancy;

import java.util.Objects;

/**
 * The app whose users, conversations and messages a call works on, always taken from an
 * authenticated principal (an app's access token, later a user token), never from the request.
 */
public record AppRef(TenantId tenantId, AppId appId) {

    public AppRef {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(appId, "appId");
    }

    public static AppRef of(AppCaller caller) {
        return new AppRef(caller.tenantId(), caller.appId());
    }
}
