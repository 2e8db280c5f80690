package io.linnet.tenancy.database;

import io.linnet.tenancy.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Supplier;

/**
 * The database as one tenant sees it. Every unit of work runs in a transaction that first binds
 * {@code linnet.tenant_id} with {@code set_config(..., true)}, so PostgreSQL's row-level security
 * policies hide every other tenant's rows even from a query that forgets its tenant filter. The
 * connection's role owns no table and cannot bypass those policies.
 */
public final class TenantDatabase {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public TenantDatabase(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Runs {@code work} in one transaction bound to {@code tenant} and returns its result. */
    public <T> T inTenant(TenantId tenant, Supplier<T> work) {
        return transactions.execute(status -> {
            jdbc.sql("select set_config('linnet.tenant_id', ?, true)").param(tenant.value().toString()).query().singleValue();
            return work.get();
        });
    }

    public void runInTenant(TenantId tenant, Runnable work) {
        inTenant(tenant, () -> {
            work.run();
            return null;
        });
    }

    /** The client to issue statements with; use it inside {@link #inTenant}. */
    public JdbcClient jdbc() {
        return jdbc;
    }
}
