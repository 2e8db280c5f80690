package io.linnet.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import io.linnet.tenancy.ErrorCode;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Caps the body of every API request, so an oversized one is refused with 413 before it is read
 * into memory: at once when it declares its length, and as soon as it passes the cap when it is
 * chunked.
 */
@Component
// just inside the request ids, so a 413 says which request it refused
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestBodyLimit extends OncePerRequestFilter {

    static final int MAX_BYTES = 64 * 1024;
    /** A moderation rule's term list arrives as a text file (10,000 keywords are well over 64 KiB). */
    static final int MAX_TERM_LIST_BYTES = 2 * 1024 * 1024;
    private static final Pattern TERM_LIST = Pattern.compile(
            "/manage/v1/apps/[^/]+/moderation/rules/[^/]+/terms");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/v1/") || path.startsWith("/manage/") || path.startsWith("/ops/")
                || path.startsWith("/oauth2/") || path.startsWith("/invitations/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        int limit = TERM_LIST.matcher(path).matches() ? MAX_TERM_LIST_BYTES : MAX_BYTES;
        if (request.getContentLengthLong() > limit) {
            Problems.write(response, Problems.of(ErrorCode.PAYLOAD_TOO_LARGE,
                    "The request body is larger than " + limit / 1024 + " KiB"), Map.of("Connection", "close"));
            return;
        }
        chain.doFilter(new Capped(request, limit), response);
    }

    /** The cap a request body went over, if that is why reading it failed. */
    static OptionalInt exceededLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TooLarge tooLarge) {
                return OptionalInt.of(tooLarge.limit);
            }
        }
        return OptionalInt.empty();
    }

    static final class TooLarge extends IOException {
        private final int limit;

        TooLarge(int limit) {
            super("request body over " + limit + " bytes");
            this.limit = limit;
        }
    }

    private static final class Capped extends HttpServletRequestWrapper {

        private final int limit;
        private ServletInputStream stream;

        Capped(HttpServletRequest request, int limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CappedStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class CappedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final int limit;
        private long read;

        CappedStream(ServletInputStream in, int limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > limit) {
                throw new TooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
