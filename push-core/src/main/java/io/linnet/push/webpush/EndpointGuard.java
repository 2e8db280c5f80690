package io.linnet.push.webpush;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether the server may post to a Web Push endpoint. A subscription's endpoint is a URL the client chose, so
 * without this check anyone holding an app key could make the server send requests into its own network (SSRF).
 * An endpoint must be https, carry no user name or password, and its host must resolve to public addresses only
 * (see {@link NonPublicAddresses}). Checked when a device registers and again before every send, since what a
 * name resolves to can change; the check and the HTTP client share the JVM's cache of name lookups, so the
 * address checked is the address connected to. Redirects are never followed ({@link WebPushConnector}).
 *
 * <p>With {@code allowPrivate} (tests and development, against push services on this machine or a private
 * network), addresses are not checked, and plain http is allowed to {@code localhost} and to non-public IP
 * literals.
 */
public final class EndpointGuard {

    /** Resolves a host name (or parses an IP literal) to its addresses. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** The server will not post to this endpoint. */
    public static final class Refused extends Exception {

        private final String kind;

        Refused(String kind, String message) {
            super(message);
            this.kind = kind;
        }

        /**
         * What is wrong, short and the same for every endpoint refused for the same reason (e.g. {@code loopback}),
         * so it can serve as a delivery's reason and a failure count's key; the message names host and address.
         */
        public String kind() {
            return kind;
        }
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    public EndpointGuard(boolean allowPrivate) {
        this(allowPrivate, InetAddress::getAllByName);
    }

    public EndpointGuard(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** Whether endpoints on this machine and private networks are allowed (tests and development only). */
    public boolean allowsPrivate() {
        return allowPrivate;
    }

    /**
     * Checks {@code endpoint}; its messages complete a sentence that begins with the endpoint, e.g.
     * "subscription.endpoint must be an https URL".
     *
     * @throws Refused             when the server must not post to it
     * @throws UnknownHostException when its host does not resolve (now)
     */
    public void check(URI endpoint) throws Refused, UnknownHostException {
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        String host = endpoint.getHost();
        boolean http = scheme.equals("http");
        if (host == null || host.isEmpty() || !(http || scheme.equals("https"))) {
            throw new Refused("not https", "must be an https URL");
        }
        if (endpoint.getRawUserInfo() != null) {
            throw new Refused("user info", "must not carry a user name or password");
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (allowPrivate) {
            if (http && !"localhost".equalsIgnoreCase(bare) && literal(bare).flatMap(NonPublicAddresses::range).isEmpty()) {
                throw new Refused("not https", "must be an https URL (plain http only to localhost or a private "
                        + "IP address, and only where private endpoints are allowed)");
            }
            return;
        }
        if (http) {
            throw new Refused("not https", "must be an https URL");
        }
        boolean isLiteral = literal(bare).isPresent();
        for (InetAddress address : resolver.resolve(bare)) {
            Optional<String> range = NonPublicAddresses.range(address);
            if (range.isPresent()) {
                throw new Refused(range.get(), "is refused: its host " + (isLiteral ? "" : bare + " resolves to ")
                        + address.getHostAddress() + (isLiteral ? " is" : ", which is") + " not a public address ("
                        + range.get() + "), and push services are on the public internet");
            }
        }
    }

    private static Optional<InetAddress> literal(String host) {
        try {
            return Optional.of(InetAddress.ofLiteral(host));
        } catch (IllegalArgumentException notLiteral) {
            return Optional.empty();
        }
    }
}
