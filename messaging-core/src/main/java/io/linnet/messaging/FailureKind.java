package io.linnet.messaging;

import java.sql.SQLException;

/**
 * What a failure on the send path may say in a log line: its class and the SQLState of the
 * database error under it. Never its message: PostgreSQL's messages and details quote the row they
 * refused, which may hold a message's text or a user's custom data.
 */
public final class FailureKind {

    private FailureKind() {
    }

    public static String of(Throwable failure) {
        StringBuilder kind = new StringBuilder(failure.getClass().getSimpleName());
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 10; cause = cause.getCause(), depth++) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return kind.append(" (SQLState ").append(sql.getSQLState()).append(')').toString();
            }
        }
        return kind.toString();
    }
}
