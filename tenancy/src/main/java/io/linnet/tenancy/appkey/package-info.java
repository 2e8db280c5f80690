/**
 * App keys: OAuth2 clients of the token endpoint, their management (create, rotate, revoke), and
 * the check that makes a revoked key's tokens stop working at once.
 */
package io.linnet.tenancy.appkey;
