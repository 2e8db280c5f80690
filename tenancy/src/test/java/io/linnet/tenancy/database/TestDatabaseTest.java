package io.linnet.tenancy.database;

import io.linnet.tenancy.AppRef;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The component tests' database connects as the server does, so row-level security fences it the same way. */
class TestDatabaseTest {

    private static final TestDatabase DB = TestDatabase.shared();

    @Test
    void the_application_role_sees_only_the_tenant_its_transaction_is_bound_to() {
        AppRef ours = DB.newApp();
        AppRef theirs = DB.newApp();

        List<UUID> seen = DB.tenantDatabase().inTenant(ours.tenantId(),
                () -> DB.tenantDatabase().jdbc().sql("select id from apps").query(UUID.class).list());

        assertThat(seen).containsExactly(ours.appId().value());
        assertThat(DB.owner().sql("select id from apps").query(UUID.class).list())
                .contains(ours.appId().value(), theirs.appId().value());
    }

    @Test
    void the_platform_role_reaches_across_tenants() {
        AppRef one = DB.newApp();
        AppRef other = DB.newApp();

        List<UUID> seen = DB.platformDatabase().inTransaction(
                () -> DB.platformDatabase().jdbc().sql("select id from apps").query(UUID.class).list());

        assertThat(seen).contains(one.appId().value(), other.appId().value());
    }
}
