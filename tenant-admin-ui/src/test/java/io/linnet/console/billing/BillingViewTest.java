package io.linnet.console.billing;

import io.linnet.tenancy.Permission;
import io.linnet.tenancy.Role;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class BillingViewTest {

    @Test
    void the_billing_page_opens_to_exactly_the_roles_whose_permissions_include_billing() {
        String[] allowed = BillingView.class.getAnnotation(RolesAllowed.class).value();
        assertThat(allowed).containsExactlyInAnyOrder(Arrays.stream(Role.values())
                .filter(Role::isTenantRole)
                .filter(role -> role.allows(Permission.BILLING))
                .map(Role::name)
                .toArray(String[]::new));
    }
}
