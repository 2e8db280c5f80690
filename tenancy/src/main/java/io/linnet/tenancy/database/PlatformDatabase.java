package io.linnet.tenancy.database;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Supplier;

/**
 * The explicit, separate path for work that spans tenants: operator actions, and the look-ups that
 * must happen before a tenant is known (a console login by e-mail, an app key by its client id, an
 * invitation by its token). It uses its own connection pool, whose role has row-level security
 * policies of its own that reach across tenants; tenant-scoped code never touches it, and no shared
 * connection ever switches row-level security off.
 */
public final class PlatformDatabase {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public PlatformDatabase(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }

    public JdbcClient jdbc() {
        return jdbc;
    }
}
