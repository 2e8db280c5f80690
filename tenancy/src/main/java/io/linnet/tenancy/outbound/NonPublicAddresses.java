package io.linnet.tenancy.outbound;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * The address ranges a service on the public internet is never in: this machine, private and carrier-grade NAT
 * networks, link-local (with the cloud metadata service), multicast and the reserved ranges. IPv6 addresses that
 * carry an IPv4 address (mapped, compatible, NAT64, 6to4) are judged by the IPv4 address they lead to.
 */
public final class NonPublicAddresses {

    private NonPublicAddresses() {
    }

    /** The kind of non-public range {@code address} is in, e.g. {@code "loopback"}; empty for a public address. */
    public static Optional<String> range(InetAddress address) {
        byte[] bytes = address.getAddress();
        return Optional.ofNullable(address instanceof Inet4Address ? ipv4(bytes) : ipv6(bytes));
    }

    private static String ipv4(byte[] b) {
        int a = b[0] & 0xff;
        int second = b[1] & 0xff;
        int address = (a << 24) | (second << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        if (address == 0xa9fea9fe) {
            return "cloud metadata (169.254.169.254)";
        }
        if (address == 0) {
            return "any-local";
        }
        if (a == 0) {
            return "this-network (0.0.0.0/8)";
        }
        if (a == 127) {
            return "loopback";
        }
        if (a == 10 || (a == 172 && (second & 0xf0) == 16) || (a == 192 && second == 168)) {
            return "private (site-local)";
        }
        if (a == 100 && (second & 0xc0) == 64) {
            return "carrier-grade NAT (100.64.0.0/10)";
        }
        if (a == 169 && second == 254) {
            return "link-local";
        }
        if (a == 192 && second == 0 && ((b[2] & 0xff) == 0 || (b[2] & 0xff) == 2)
                || a == 198 && second == 51 && (b[2] & 0xff) == 100 || a == 203 && second == 0 && (b[2] & 0xff) == 113) {
            return "reserved (protocol assignments, documentation)";
        }
        if (a == 198 && (second & 0xfe) == 18) {
            return "benchmarking (198.18.0.0/15)";
        }
        if (a >= 224 && a <= 239) {
            return "multicast";
        }
        if (a >= 240) {
            return "reserved (240.0.0.0/4, broadcast)";
        }
        return null;
    }

    private static String ipv6(byte[] b) {
        if (allZero(b, 0, 10)) {
            boolean mapped = (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
            if (mapped || allZero(b, 10, 12)) {
                if (!mapped && allZero(b, 12, 15)) {
                    // ::, ::1 and the like, not IPv4-compatible addresses
                    return b[15] == 0 ? "any-local" : b[15] == 1 ? "loopback" : "reserved (::/96)";
                }
                return embedded(b, 12);
            }
        }
        if (allZero(b, 0, 8) && (b[8] & 0xff) == 0xff && (b[9] & 0xff) == 0xff && allZero(b, 10, 12)) {
            // ::ffff:0:a.b.c.d, IPv4-translated (RFC 2765)
            return embedded(b, 12);
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0x00 && second == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && allZero(b, 4, 12)) {
            return embedded(b, 12);
        }
        if (first == 0x00 && second == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && b[4] == 0 && b[5] == 1) {
            // 64:ff9b:1::/48, NAT64 inside one network (RFC 8215): where it leads is that network's secret
            return "reserved (local-use NAT64)";
        }
        if (first == 0x20 && second == 0x01 && b[2] == 0 && b[3] == 0) {
            // Teredo carries an IPv4 address, obfuscated, and relays to it
            return "reserved (Teredo)";
        }
        if (first == 0x20 && second == 0x02) {
            return embedded(b, 2);
        }
        if (first == 0xff) {
            return "multicast";
        }
        if ((first & 0xfe) == 0xfc) {
            return "unique-local (fc00::/7)";
        }
        if (first == 0xfe && (second & 0xc0) == 0x80) {
            return "link-local";
        }
        if (first == 0xfe && (second & 0xc0) == 0xc0) {
            return "private (site-local)";
        }
        if (first == 0x20 && second == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8
                || first == 0x01 && second == 0x00 && allZero(b, 2, 8)) {
            return "reserved (documentation, discard)";
        }
        return null;
    }

    /** The range of the IPv4 address at {@code offset}, for an IPv6 address that leads to it. */
    private static String embedded(byte[] b, int offset) {
        String range = ipv4(new byte[] {b[offset], b[offset + 1], b[offset + 2], b[offset + 3]});
        return range == null ? null : range + ", inside an IPv6 address";
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
