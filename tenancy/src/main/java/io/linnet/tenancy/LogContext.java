package io.linnet.tenancy;

import org.slf4j.MDC;

import java.util.HashMap;
import java.util.Map;

/**
 * Says on every log line whose work it was written for: ids in SLF4J's MDC, under the same keys in
 * every module, which the server's log formats print ({@code [requestId=... tenantId=... appId=...]}
 * in text, fields of their own in JSON). Opened on the thread that does one piece of work (a frame, a
 * batch, a job) and closed when it is done, which puts back what the keys held before, so nothing
 * carries over to whatever that thread does next:
 * <pre>{@code try (LogContext logged = LogContext.of(app)) { ... }}</pre>
 *
 * <p>Ids only: never an end user's id (developers choose those, and some are e-mail addresses), a
 * token, or anything else a client sent. Not thread-safe: one context belongs to the thread that
 * opened it.
 */
public final class LogContext implements AutoCloseable {

    /** The HTTP request's id, the one its {@code X-Request-Id} header answers. */
    public static final String REQUEST_ID = "requestId";
    /** The WebSocket connection's id, the one its {@code ready} frame tells the client. */
    public static final String CONNECTION_ID = "connectionId";
    public static final String TENANT_ID = "tenantId";
    public static final String APP_ID = "appId";

    /** What each key this context set held before it: null where it held nothing. */
    private final Map<String, String> before = new HashMap<>(4);

    private LogContext() {
    }

    /** A context that sets nothing (yet): for work that learns only later whose it is. */
    public static LogContext empty() {
        return new LogContext();
    }

    public static LogContext of(AppRef app) {
        return empty().and(app);
    }

    public static LogContext of(TenantId tenant, AppId app) {
        return of(new AppRef(tenant, app));
    }

    public static LogContext of(TenantId tenant) {
        return empty().and(tenant);
    }

    /** The work of one gateway connection, before it is known whose it is. */
    public static LogContext ofConnection(String connectionId) {
        LogContext context = empty();
        context.put(CONNECTION_ID, connectionId);
        return context;
    }

    /** Adds the app and its tenant: from here on, until this context closes, the lines name them. */
    public LogContext and(AppRef app) {
        and(app.tenantId());
        put(APP_ID, app.appId().toString());
        return this;
    }

    public LogContext and(TenantId tenant) {
        put(TENANT_ID, tenant.toString());
        return this;
    }

    private void put(String key, String value) {
        if (!before.containsKey(key)) {
            before.put(key, MDC.get(key));
        }
        MDC.put(key, value);
    }

    /** Puts back what the keys held when this context first set them. */
    @Override
    public void close() {
        before.forEach((key, value) -> {
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        });
        before.clear();
    }
}
