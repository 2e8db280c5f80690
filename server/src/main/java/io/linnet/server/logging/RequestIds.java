package io.linnet.server.logging;

import io.linnet.tenancy.LogContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Gives every HTTP request an id, puts it in the MDC for every line logged while the request is
 * served, and answers it in {@code X-Request-Id}. A client (or a proxy in front) may choose it by
 * sending that header, so its own logs and the server's meet; an offered id is taken only when it is
 * short and plain ({@link #ACCEPTED}), since it is written into every log line: anything else (too
 * long, control characters, spaces, non-ASCII) is replaced by a new one. Outermost of the filters,
 * and on error dispatches too, so that everything logged about the request carries the id; when
 * the request is done the MDC is put back as it was, so nothing of it reaches the thread's next request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIds extends OncePerRequestFilter {

    static final String HEADER = "X-Request-Id";
    /** Letters, digits, '.', '_' and '-': what UUIDs, trace ids and the usual proxies' ids are made of. */
    static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** The id of a request, kept for its error dispatch (which comes after the MDC was put back). */
    private static final String ATTRIBUTE = RequestIds.class.getName();

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = request.getAttribute(ATTRIBUTE) instanceof String known ? known : idFor(request.getHeader(HEADER));
        request.setAttribute(ATTRIBUTE, id);
        if (!response.isCommitted() && !response.containsHeader(HEADER)) {
            response.setHeader(HEADER, id);
        }
        Map<String, String> before = MDC.getCopyOfContextMap();
        MDC.put(LogContext.REQUEST_ID, id);
        try {
            chain.doFilter(request, new KeepingTheId(response, id));
        } finally {
            // whatever was put in the MDC while serving the request, nothing outlives it
            if (before == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(before);
            }
        }
    }

    /** The offered id when it is acceptable, else a new one. */
    static String idFor(String offered) {
        return offered != null && ACCEPTED.matcher(offered).matches() ? offered : newId();
    }

    /** 64 random bits as 16 hex digits: unique enough to find one request's lines among a day's. */
    static String newId() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }

    /** A response that is reset to answer something else (a 503 for an outage, say) still says which request it answers. */
    private static final class KeepingTheId extends HttpServletResponseWrapper {

        private final String id;

        KeepingTheId(HttpServletResponse response, String id) {
            super(response);
            this.id = id;
        }

        @Override
        public void reset() {
            super.reset();
            setHeader(HEADER, id);
        }
    }
}
