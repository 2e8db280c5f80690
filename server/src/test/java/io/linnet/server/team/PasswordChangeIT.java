package io.linnet.server.team;

import io.linnet.server.support.Api;
import io.linnet.server.support.Fixtures;
import io.linnet.server.support.ServerIT;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An account changes its own password, only by knowing the current one. */
class PasswordChangeIT extends ServerIT {

    @Test
    void a_member_changes_the_password_and_the_old_one_stops_working() {
        Fixtures.TenantOwner owner = fixtures().tenant("Password Change");

        Api.Response changed = owner.client().post("/manage/v1/account/password",
                Map.of("currentPassword", Fixtures.PASSWORD, "newPassword", "a-completely-new-password"));

        assertThat(changed.status()).isEqualTo(204);
        assertThat(owner.client().get("/manage/v1/apps").status()).isEqualTo(401);
        assertThat(api().basic(owner.email(), "a-completely-new-password").get("/manage/v1/audit").json().get("items")
                .get(0).get("action").asString()).isEqualTo("account.password_changed");
    }

    @Test
    void a_wrong_current_password_or_a_weak_new_one_changes_nothing() {
        Fixtures.TenantOwner owner = fixtures().tenant("Password Refused");

        Api.Response wrong = owner.client().post("/manage/v1/account/password",
                Map.of("currentPassword", "not-the-password", "newPassword", "a-completely-new-password"));
        Api.Response weak = owner.client().post("/manage/v1/account/password",
                Map.of("currentPassword", Fixtures.PASSWORD, "newPassword", "short"));

        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("detail").asString()).contains("current password");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(owner.client().get("/manage/v1/apps").status()).isEqualTo(200);
    }

    @Test
    void an_operator_must_know_the_current_password_to_change_it() {
        Api.Response refused = operator().post("/ops/v1/account/password",
                Map.of("currentPassword", "wrong-operator-password", "newPassword", "another-operator-password"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(operator().get("/ops/v1/tenants").status()).as("the operator's password is unchanged").isEqualTo(200);
    }
}
