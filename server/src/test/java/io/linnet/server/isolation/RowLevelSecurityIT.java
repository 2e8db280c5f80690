package io.linnet.server.isolation;

import io.linnet.server.support.Fixtures;
import io.linnet.server.support.ServerIT;
import io.linnet.tenancy.TenantId;
import io.linnet.tenancy.database.TenantDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.BadSqlGrammarException;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PostgreSQL itself keeps tenants apart: even a query that forgets its tenant filter, run on the
 * application's connection, sees and touches only the current tenant's rows.
 */
class RowLevelSecurityIT extends ServerIT {

    @Autowired
    TenantDatabase database;

    @Test
    void a_query_without_a_tenant_filter_returns_only_the_current_tenants_rows() {
        Fixtures.TenantOwner a = fixtures().tenant("Rls A");
        Fixtures.TenantOwner b = fixtures().tenant("Rls B");
        String appA = fixtures().app(a, "rls-a");
        String appB = fixtures().app(b, "rls-b");
        fixtures().key(a, appA);
        fixtures().key(b, appB);

        TenantId tenantA = TenantId.of(a.tenantId());
        List<UUID> apps = database.inTenant(tenantA, () -> database.jdbc().sql("select id from apps").query(UUID.class).list());
        List<UUID> keyTenants = database.inTenant(tenantA, () -> database.jdbc().sql("select tenant_id from app_keys").query(UUID.class).list());
        List<UUID> tenants = database.inTenant(tenantA, () -> database.jdbc().sql("select id from tenants").query(UUID.class).list());
        List<UUID> accountTenants = database.inTenant(tenantA, () -> database.jdbc().sql("select tenant_id from accounts").query(UUID.class).list());

        assertThat(apps).contains(UUID.fromString(appA)).doesNotContain(UUID.fromString(appB));
        assertThat(keyTenants).isNotEmpty().containsOnly(tenantA.value());
        assertThat(tenants).containsExactly(tenantA.value());
        assertThat(accountTenants).isNotEmpty().containsOnly(tenantA.value());
    }

    @Test
    void a_write_without_a_tenant_filter_changes_only_the_current_tenants_rows() {
        Fixtures.TenantOwner a = fixtures().tenant("Rls Write A");
        Fixtures.TenantOwner b = fixtures().tenant("Rls Write B");
        fixtures().app(a, "write-a");
        String appB = fixtures().app(b, "write-b");

        database.runInTenant(TenantId.of(a.tenantId()), () -> database.jdbc().sql("update apps set name = name || '-renamed'").update());

        assertThat(b.client().get("/manage/v1/apps/" + appB).json().get("name").asString()).isEqualTo("write-b");
    }

    @Test
    void rows_cannot_be_written_into_another_tenant() {
        Fixtures.TenantOwner a = fixtures().tenant("Rls Insert A");
        Fixtures.TenantOwner b = fixtures().tenant("Rls Insert B");

        assertThatThrownBy(() -> database.runInTenant(TenantId.of(a.tenantId()), () -> database.jdbc()
                .sql("insert into apps (tenant_id, id, name) values (?, ?, 'planted')")
                .params(UUID.fromString(b.tenantId()), UUID.randomUUID())
                .update()))
                .isInstanceOf(BadSqlGrammarException.class)
                .hasStackTraceContaining("row-level security");
        assertThat(Fixtures.ids(b.client().get("/manage/v1/apps"))).isEmpty();
    }

    @Test
    void outside_any_tenant_the_application_role_sees_nothing() {
        Fixtures.TenantOwner a = fixtures().tenant("Rls Nobody");
        fixtures().app(a, "invisible");

        Map<String, Object> role = database.jdbc().sql("""
                        select current_user as name, r.rolbypassrls as bypass, r.rolsuper as super,
                               (select count(*) from apps) as apps,
                               (select count(*) from accounts) as accounts
                          from pg_roles r where r.rolname = current_user""")
                .query().singleRow();

        assertThat(role.get("bypass")).isEqualTo(false);
        assertThat(role.get("super")).isEqualTo(false);
        assertThat(((Number) role.get("apps")).longValue()).isZero();
        assertThat(((Number) role.get("accounts")).longValue()).isZero();
    }

    @Test
    void the_application_role_may_neither_turn_row_security_off_nor_rewrite_the_audit_log() {
        Fixtures.TenantOwner a = fixtures().tenant("Rls Tamper");
        fixtures().app(a, "tamper");
        TenantId tenant = TenantId.of(a.tenantId());

        assertThatThrownBy(() -> database.runInTenant(tenant, () -> database.jdbc().sql("alter table apps disable row level security").update()))
                .isInstanceOf(BadSqlGrammarException.class);
        assertThatThrownBy(() -> database.runInTenant(tenant, () -> database.jdbc().sql("delete from audit_log").update()))
                .isInstanceOf(BadSqlGrammarException.class);
        assertThatThrownBy(() -> database.runInTenant(tenant, () -> database.jdbc().sql("select count(*) from signing_keys").query().singleValue()))
                .isInstanceOf(BadSqlGrammarException.class);
    }
}
