package io.linnet.tenancy.database;

import io.linnet.tenancy.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Optional;
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

    /**
     * As {@link #inTenant}, for work done on behalf of a tenant's users, which only an active tenant may
     * have (a user token checked when a client connects): runs {@code work} only if the tenant is active,
     * in the same transaction as that check, and returns its result; empty, without running it, when the
     * tenant is suspended or gone. It costs one statement more than {@link #inTenant}.
     */
    public <T> Optional<T> inActiveTenant(TenantId tenant, Supplier<T> work) {
        return inTenant(tenant, () -> {
            boolean active = jdbc.sql("select count(*) from tenants where id = ? and status = 'ACTIVE'")
                    .param(tenant.value())
                    .query(Integer.class)
                    .single() == 1;
            return active ? Optional.ofNullable(work.get()) : Optional.empty();
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
