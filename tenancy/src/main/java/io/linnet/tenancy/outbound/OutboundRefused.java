package io.linnet.tenancy.outbound;

import java.io.IOException;
import java.util.Optional;

/**
 * The server will not send a request to this URL: the {@link OutboundGuard} refused it, when it was saved or when a
 * connection was about to be made. An {@link IOException}, so that an HTTP client hands it back like any other
 * reason a request could not be sent.
 *
 * <p>The message completes a sentence that begins with the URL's field name, e.g. "url must be an https URL", for
 * the tenant's admin who saved it. It names an address only when the admin wrote it as one; what a host name resolves
 * to is never told, so that the server's view of its own network stays inside.
 */
public final class OutboundRefused extends IOException {

    private final String kind;

    OutboundRefused(String kind, String message) {
        super(message);
        this.kind = kind;
    }

    /**
     * What is wrong, short and the same for every URL refused for the same reason (e.g. {@code loopback},
     * {@code not https}), so it can serve as a delivery's reason or a log's category; never an address or a host.
     */
    public String kind() {
        return kind;
    }

    /** The refusal among {@code failure} and its causes, as an HTTP client wraps what it was told. */
    public static Optional<OutboundRefused> in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OutboundRefused refused) {
                return Optional.of(refused);
            }
        }
        return Optional.empty();
    }

    /** No stack trace: a refusal is an answer, not a fault, and may come on every send to a bad URL. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
