package io.linnet.tenancy.account;

import io.linnet.tenancy.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountRulesTest {

    @Test
    void e_mail_addresses_are_trimmed_and_lower_cased() {
        assertThat(AccountRules.email("  Ada.Lovelace@Example.COM ")).isEqualTo("ada.lovelace@example.com");
        assertThat(AccountRules.email("admin@localhost")).isEqualTo("admin@localhost");
    }

    @Test
    void things_that_are_not_e_mail_addresses_are_refused() {
        for (String bad : new String[]{null, "", "ada", "ada@", "@example.com", "a b@example.com", "a@b@c.com", "a@.com"}) {
            assertThatThrownBy(() -> AccountRules.email(bad)).as(String.valueOf(bad)).isInstanceOf(DomainException.class);
        }
    }

    @Test
    void passwords_must_be_long_enough_and_fit_what_bcrypt_reads() {
        assertThat(AccountRules.password("ten chars!")).isEqualTo("ten chars!");
        assertThatThrownBy(() -> AccountRules.password("short")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> AccountRules.password("é".repeat(40))).as("80 bytes").isInstanceOf(DomainException.class);
    }

    @Test
    void invitation_tokens_are_unguessable_and_stored_only_as_hashes() {
        String token = Accounts.newInvitationToken();

        assertThat(token).hasSize(43).isNotEqualTo(Accounts.newInvitationToken());
        assertThat(Accounts.hashToken(token)).hasSize(64).isEqualTo(Accounts.hashToken(token)).doesNotContain(token);
    }
}
