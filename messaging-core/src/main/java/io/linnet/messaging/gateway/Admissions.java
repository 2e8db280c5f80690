package io.linnet.messaging.gateway;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which sockets the gateway lets in. Every socket takes one of a fixed number of places (the
 * process's open files are shared with HTTP, JDBC and Redis, which must keep room), and, until it
 * has authenticated, one of a few places of its remote address: one address cannot hold the
 * gateway with sockets that never finish their handshake.
 */
final class Admissions {

    private final int maxConnections;
    private final int maxUnauthenticatedPerAddress;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<InetAddress, Integer> unauthenticated = new ConcurrentHashMap<>();

    Admissions(int maxConnections, int maxUnauthenticatedPerAddress) {
        this.maxConnections = maxConnections;
        this.maxUnauthenticatedPerAddress = maxUnauthenticatedPerAddress;
    }

    /**
     * A place for a new socket from {@code remote}; empty when the gateway is full or the address holds
     * too many unauthenticated sockets. An IPv6 address counts as its /64 network, which one host
     * usually has all of.
     */
    Optional<Ticket> admit(InetAddress remote) {
        InetAddress address = counted(remote);
        if (open.incrementAndGet() > maxConnections) {
            open.decrementAndGet();
            return Optional.empty();
        }
        boolean[] room = {false};
        unauthenticated.compute(address, (key, held) -> {
            int count = held == null ? 0 : held;
            if (count >= maxUnauthenticatedPerAddress) {
                return held;
            }
            room[0] = true;
            return count + 1;
        });
        if (!room[0]) {
            open.decrementAndGet();
            return Optional.empty();
        }
        return Optional.of(new Ticket(address));
    }

    int open() {
        return open.get();
    }

    int unauthenticated(InetAddress address) {
        return unauthenticated.getOrDefault(counted(address), 0);
    }

    private static InetAddress counted(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] network = Arrays.copyOf(address.getAddress(), 16);
        Arrays.fill(network, 8, 16, (byte) 0);
        try {
            return InetAddress.getByAddress(network);
        } catch (UnknownHostException impossible) {
            return address;
        }
    }

    int maxConnections() {
        return maxConnections;
    }

    private void leaveUnauthenticated(InetAddress address) {
        unauthenticated.computeIfPresent(address, (key, held) -> held <= 1 ? null : held - 1);
    }

    /** One socket's places; each is given back once, however often it is told. */
    final class Ticket {
        private final InetAddress address;
        private final AtomicBoolean authenticating = new AtomicBoolean(true);
        private final AtomicBoolean held = new AtomicBoolean(true);

        private Ticket(InetAddress address) {
            this.address = address;
        }

        /** The socket authenticated: it no longer counts against its address. */
        void authenticated() {
            if (authenticating.compareAndSet(true, false)) {
                leaveUnauthenticated(address);
            }
        }

        /** The socket closed: both places are free. */
        void closed() {
            authenticated();
            if (held.compareAndSet(true, false)) {
                open.decrementAndGet();
            }
        }
    }
}
