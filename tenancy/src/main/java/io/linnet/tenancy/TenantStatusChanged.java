package io.linnet.tenancy;

/**
 * A tenant was suspended, resumed or deleted. Published inside the transaction that did it; listen with
 * {@code @TransactionalEventListener} to act after the commit: live connections of a suspended or
 * deleted tenant are closed on every node, and its push and hook work is held until it is resumed.
 */
public record TenantStatusChanged(TenantId tenantId, Change change) {

    public enum Change {
        SUSPENDED, RESUMED, DELETED;

        /** Whether the tenant's traffic must stop: everything but a resume. */
        public boolean stopsTraffic() {
            return this != RESUMED;
        }
    }
}
