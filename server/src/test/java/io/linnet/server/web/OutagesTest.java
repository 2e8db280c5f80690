package io.linnet.server.web;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures are answered 503 {@code unavailable} (retry soon) rather than 500. */
class OutagesTest {

    @Test
    void a_pool_that_cannot_hand_out_a_connection_is_an_outage() {
        assertThat(Outages.isOutage(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new SQLTransientConnectionException("linnet-app - Connection is not available")))).isTrue();
        assertThat(Outages.isOutage(new CannotCreateTransactionException("Could not open JDBC Connection for transaction"))).isTrue();
    }

    @Test
    void redis_out_of_reach_or_too_slow_to_answer_is_an_outage() {
        assertThat(Outages.isOutage(new RedisConnectionFailureException("Unable to connect to Redis"))).isTrue();
        assertThat(Outages.isOutage(new QueryTimeoutException("Redis command timed out"))).isTrue();
    }

    @Test
    void a_connection_lost_under_a_statement_or_a_server_shutting_down_is_an_outage() {
        assertThat(Outages.isOutage(new UncategorizedSQLException("insert", "insert into ...",
                new SQLException("An I/O error occurred while sending to the backend", "08006")))).isTrue();
        assertThat(Outages.isOutage(new UncategorizedSQLException("select", "select ...",
                new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
    }

    @Test
    void a_rollback_that_fails_after_a_lost_connection_counts_as_the_outage_that_caused_it() {
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollback.initApplicationException(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection"));

        assertThat(Outages.isOutage(rollback)).isTrue();
        assertThat(Outages.isOutage(new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"))))
                .as("without a cause that says so, it stays a fault of the server").isFalse();
    }

    @Test
    void a_broken_constraint_or_a_bad_statement_is_no_outage() {
        assertThat(Outages.isOutage(new DataIntegrityViolationException("duplicate key"))).isFalse();
        assertThat(Outages.isOutage(new BadSqlGrammarException("select", "select nonsense", new SQLException("syntax error", "42601"))))
                .isFalse();
        assertThat(Outages.isOutage(new IllegalStateException("a bug"))).isFalse();
    }
}
