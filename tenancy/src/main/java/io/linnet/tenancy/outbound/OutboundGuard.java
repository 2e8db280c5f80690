package io.linnet.tenancy.outbound;

import okhttp3.Dns;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Proxy;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Whether the server may send a request to a URL a tenant gave it (a Web Push endpoint, a pre-send hook, and every
 * webhook or bot URL to come). Without this check anyone who may save such a URL could make the server send requests
 * into its own network (SSRF): to its loopback ports, the cloud metadata service, private networks.
 *
 * <p>A URL must be https, carry no user name or password, name its host as a name or as a canonical IP address (no
 * decimal, hex, octal or shortened IPv4 forms, which clients read differently), and every address its host resolves
 * to must be public ({@link NonPublicAddresses}) and none of this machine's own. {@link #check(URI)} says so when the URL is saved. Names can resolve
 * elsewhere later, so the HTTP clients of {@link #httpClient()} check again on every connection: their name look-ups
 * go through this guard, and the address actually connected to is checked once more before a byte is sent. They never
 * follow redirects (a redirect is a failure) and never use a proxy, which would resolve names on its own.
 *
 * <p>With {@code allowPrivate} (tests and local development, against fakes on this machine or a private network),
 * addresses are not checked, and plain http is allowed to {@code localhost} and to non-public IP literals.
 */
public final class OutboundGuard {

    /** Resolves a host name (or parses an IP literal) to its addresses. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** Labels of digits, octal or hex numbers only: a host some client would read as an IPv4 address. */
    private static final Pattern NUMERIC_HOST = Pattern.compile("(?i)(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+))*\\.?");
    private static final Pattern CANONICAL_IPV4 =
            Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");

    private static final OwnAddresses OWN_ADDRESSES = new OwnAddresses();

    private final boolean allowPrivate;
    private final Resolver resolver;
    private final Supplier<Set<InetAddress>> ownAddresses;

    public OutboundGuard(boolean allowPrivate) {
        this(allowPrivate, InetAddress::getAllByName);
    }

    public OutboundGuard(boolean allowPrivate, Resolver resolver) {
        this(allowPrivate, resolver, OWN_ADDRESSES);
    }

    OutboundGuard(boolean allowPrivate, Resolver resolver, Supplier<Set<InetAddress>> ownAddresses) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
        this.ownAddresses = ownAddresses;
    }

    /** Whether URLs on this machine and private networks are allowed (tests and development only). */
    public boolean allowsPrivate() {
        return allowPrivate;
    }

    /**
     * Checks the URL as written, without resolving its host: scheme, user info, the host's form, and an IP literal's
     * range. For where a look-up must not be made now (on the send path, where the connection checks the addresses).
     *
     * @throws OutboundRefused when the server must not send to it
     */
    public void checkForm(URI url) throws OutboundRefused {
        host(url);
    }

    /**
     * Checks the URL and every address its host resolves to now: for when it is saved. A host that does not resolve
     * is refused with the same words as one that resolves inside, so the answer tells nothing about the inside.
     *
     * @throws OutboundRefused when the server must not send to it
     */
    public void check(URI url) throws OutboundRefused {
        String host = host(url);
        if (allowPrivate || isLiteral(host)) {
            return;
        }
        try {
            addressesOf(host);
        } catch (OutboundRefused refused) {
            throw refused;
        } catch (UnknownHostException unresolved) {
            throw new OutboundRefused("unresolvable", "is refused: its host " + host
                    + " does not resolve to public addresses only");
        }
    }

    /**
     * The addresses of {@code host}, all of them public (unless private ones are allowed): what a connection may be
     * made to. Called for every connection the {@link #httpClient()} clients make.
     *
     * @throws OutboundRefused      when one of them is not public
     * @throws UnknownHostException when the host does not resolve (now)
     */
    public List<InetAddress> addressesOf(String host) throws UnknownHostException, OutboundRefused {
        List<InetAddress> addresses = List.of(resolver.resolve(host));
        if (addresses.isEmpty()) {
            throw new UnknownHostException(host);
        }
        if (!allowPrivate) {
            boolean literal = isLiteral(host);
            for (InetAddress address : addresses) {
                Optional<String> range = refusedRange(address);
                if (range.isPresent()) {
                    throw literal ? refusedLiteral(host, range.get()) : new OutboundRefused(range.get(),
                            "is refused: its host " + host + " does not resolve to public addresses only");
                }
            }
        }
        return addresses;
    }

    /**
     * A builder of HTTP clients that connect only where this guard allows: names are resolved through it, the
     * address connected to is checked before the request is written, redirects are not followed, no proxy is used,
     * and a failed connection is not silently retried elsewhere. Callers add their timeouts and protocols.
     */
    public OkHttpClient.Builder httpClient() {
        return new OkHttpClient.Builder()
                .dns(new GuardedDns())
                .addNetworkInterceptor(this::checkConnection)
                .proxy(Proxy.NO_PROXY)
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false);
    }

    /**
     * The address actually connected to, checked once more before the request is written: OkHttp may connect to an
     * IP literal without asking the {@link Dns}, and this check does not depend on how it resolves.
     */
    private Response checkConnection(Interceptor.Chain chain) throws IOException {
        if (!allowPrivate && chain.connection() != null) {
            InetAddress connected = chain.connection().route().socketAddress().getAddress();
            Optional<String> range = connected == null ? Optional.empty() : refusedRange(connected);
            if (range.isPresent()) {
                throw new OutboundRefused(range.get(), "is refused: its host is not a public address");
            }
        }
        return chain.proceed(chain.request());
    }

    /** OkHttp's look-ups, through {@link #addressesOf}; a refusal travels as the cause of an unknown host. */
    private final class GuardedDns implements Dns {
        @Override
        public List<InetAddress> lookup(String hostname) throws UnknownHostException {
            try {
                return addressesOf(hostname);
            } catch (OutboundRefused refused) {
                UnknownHostException unknown = new UnknownHostException(refused.kind());
                unknown.initCause(refused);
                throw unknown;
            }
        }
    }

    /** The URL's host, bare (no IPv6 brackets), once scheme, user info and the host's form are fine. */
    private String host(URI url) throws OutboundRefused {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        boolean http = scheme.equals("http");
        if (!url.isAbsolute() || !(http || scheme.equals("https"))) {
            throw new OutboundRefused("not https", "must be an https URL");
        }
        if (url.getRawUserInfo() != null) {
            throw new OutboundRefused("user info", "must not carry a user name or password");
        }
        String host = url.getHost();
        if (host == null || host.isEmpty()) {
            // java.net.URI leaves the host out when it is not a plain name or address: %-escapes, '_', 127.1, IDNs
            throw new OutboundRefused("no host", "must name its host as a plain DNS name (IDNs in their xn-- form) "
                    + "or an IP address");
        }
        String bare = (host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host)
                .toLowerCase(Locale.ROOT);
        if (bare.indexOf('%') >= 0) {
            throw new OutboundRefused("no host", "must not name an IPv6 zone: it is refused");
        }
        if (NUMERIC_HOST.matcher(bare).matches() && !CANONICAL_IPV4.matcher(bare).matches()) {
            throw new OutboundRefused("numeric host", "must write an IPv4 address as four decimal numbers (such as "
                    + "192.0.2.10), not " + bare + ", which clients read as different addresses");
        }
        Optional<InetAddress> literal = literal(bare);
        if (allowPrivate) {
            if (http && !"localhost".equalsIgnoreCase(bare) && literal.flatMap(NonPublicAddresses::range).isEmpty()) {
                throw new OutboundRefused("not https", "must be an https URL (plain http only to localhost or a "
                        + "private IP address, and only where private addresses are allowed)");
            }
            return bare;
        }
        if (http) {
            throw new OutboundRefused("not https", "must be an https URL");
        }
        if (literal.isPresent()) {
            Optional<String> range = refusedRange(literal.get());
            if (range.isPresent()) {
                throw refusedLiteral(bare, range.get());
            }
        }
        return bare;
    }

    /** Why the server must not connect to {@code address}: a non-public range, or this machine's own address. */
    private Optional<String> refusedRange(InetAddress address) {
        return NonPublicAddresses.range(address)
                .or(() -> ownAddresses.get().contains(address) ? Optional.of("this machine") : Optional.empty());
    }

    /**
     * This machine's own addresses, the public ones too (a request to them reaches every port it listens on), read
     * from its network interfaces at most once a minute, since interfaces rarely change and a look-up is a system call.
     */
    private static final class OwnAddresses implements Supplier<Set<InetAddress>> {

        private static final long FRESH_NANOS = Duration.ofMinutes(1).toNanos();
        private volatile Set<InetAddress> addresses = Set.of();
        private volatile long readAt;
        private volatile boolean read;

        @Override
        public Set<InetAddress> get() {
            long now = System.nanoTime();
            if (!read || now - readAt > FRESH_NANOS) {
                addresses = interfaceAddresses();
                readAt = now;
                read = true;
            }
            return addresses;
        }

        private static Set<InetAddress> interfaceAddresses() {
            try {
                return NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
                        .collect(Collectors.toUnmodifiableSet());
            } catch (SocketException unreadable) {
                return Set.of();
            }
        }
    }

    private static OutboundRefused refusedLiteral(String host, String range) {
        return new OutboundRefused(range, "is refused: its host " + host + " is not a public address (" + range
                + "), and the server sends only to the public internet");
    }

    private static boolean isLiteral(String host) {
        return literal(host).isPresent();
    }

    private static Optional<InetAddress> literal(String host) {
        if (host.indexOf(':') < 0 && !CANONICAL_IPV4.matcher(host).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.ofLiteral(host));
        } catch (IllegalArgumentException notLiteral) {
            return Optional.empty();
        }
    }
}
