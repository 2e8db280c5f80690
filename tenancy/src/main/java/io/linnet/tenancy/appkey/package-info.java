/**
 * App keys: OAuth2 clients of the token endpoint, their management (create, rotate, revoke), and
 * the check that makes a revoked key's tokens stop working at once.
 *
 * <p>Part of the kernel's API: a named interface every module may use.
 */
@NamedInterface("appkey")
package io.linnet.tenancy.appkey;

import org.springframework.modulith.NamedInterface;
