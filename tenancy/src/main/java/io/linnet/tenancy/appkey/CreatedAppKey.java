package io.linnet.tenancy.appkey;

/** A new app key with its secret, which is shown this once and cannot be recovered. */
public record CreatedAppKey(AppKey key, String secret) {
}
