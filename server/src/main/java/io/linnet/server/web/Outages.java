package io.linnet.server.web;

import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

/**
 * Which failures mean that PostgreSQL or Redis is out of reach (stopped, restarting, cut off), as
 * opposed to a fault of the request or of the server: those are answered 503 {@code unavailable}
 * with {@code Retry-After}, since the same request will work once the store is back (sends and
 * creates are safe to repeat with the same {@code clientMsgId} or {@code Idempotency-Key}).
 */
final class Outages {

    /** How long a client should wait before retrying; a restart of either store takes seconds. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(2);
    static final String DETAIL = "The service is briefly unavailable (its database or Redis is out of reach); "
            + "nothing was done, retry in a moment";

    private Outages() {
    }

    static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessResourceException
                    || cause instanceof QueryTimeoutException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof RedisConnectionException
                    || cause instanceof RedisCommandTimeoutException
                    || cause instanceof SQLException sql && lostConnection(sql.getSQLState())) {
                return true;
            }
            // the rollback after a lost connection fails too ("Connection is closed", with no SQL
            // state): what matters is the failure that started it
            if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && isOutage(rollback.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    /** SQL states of a connection that failed (08...) or a server that is shutting down or starting (57P...). */
    private static boolean lostConnection(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P"));
    }
}
