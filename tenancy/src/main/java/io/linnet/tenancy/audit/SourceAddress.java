package io.linnet.tenancy.audit;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The address a request came from, as people write it: Java spells IPv6 in full
 * ({@code 0:0:0:0:0:0:0:1}), where everyone reads {@code ::1} (RFC 5952), and an IPv4 client
 * reaching a dual-stack socket arrives IPv4-mapped ({@code ::ffff:192.0.2.7}), which is just
 * {@code 192.0.2.7}. Anything that is not an address literal is shown as it was recorded.
 */
final class SourceAddress {

    /** Only literals: {@link InetAddress#getByName} would otherwise look a name up in the DNS. */
    private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]+(%[\\w.-]+)?");

    private SourceAddress() {
    }

    static String readable(String recorded) {
        if (recorded == null || !LITERAL.matcher(recorded).matches() || (!recorded.contains(":") && !recorded.contains("."))) {
            return recorded;
        }
        try {
            // an IPv4-mapped IPv6 literal already comes back as an Inet4Address
            InetAddress address = InetAddress.getByName(recorded);
            return switch (address) {
                case Inet4Address v4 -> v4.getHostAddress();
                case Inet6Address v6 -> compressed(v6.getAddress());
                default -> recorded;
            };
        } catch (UnknownHostException e) {
            return recorded;
        }
    }

    /** RFC 5952: lower-case hex without leading zeros, the longest run of two or more zero groups as "::". */
    static String compressed(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < 8 && groups[i] == 0) {
                i++;
            }
            if (i - start > bestLength) {
                bestStart = start;
                bestLength = i - start;
            }
        }
        if (bestLength < 2) {
            bestStart = -1;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
