package io.linnet.tenancy;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Tells whether a URL's host is this machine ({@code localhost} or a loopback address literal) without a DNS
 * look-up, so checking a tenant's URL never resolves the tenant's host names. Plain http is allowed only to such
 * hosts, for local fakes in tests and development.
 */
public final class LoopbackHost {

    private LoopbackHost() {
    }

    /** True for {@code localhost}, {@code 127.x.x.x} and {@code [::1]}; false for any other name or address. */
    public static boolean is(String host) {
        if (host == null) {
            return false;
        }
        if ("localhost".equalsIgnoreCase(host)) {
            return true;
        }
        if (!host.matches("[0-9.]+|\\[[0-9a-fA-F:]+\\]")) {
            return false;
        }
        try {
            return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
