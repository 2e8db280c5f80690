package io.linnet.server.team;

import io.linnet.server.support.Api;
import io.linnet.server.support.Fixtures;
import io.linnet.server.support.ServerIT;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Password guessing on the management API is cut off after ten failures, even with the right password. */
class SignInThrottleIT extends ServerIT {

    @Test
    void after_ten_wrong_passwords_the_account_is_refused_from_that_address_with_retry_after() {
        Fixtures.TenantOwner owner = fixtures().tenant("Throttle");
        Api.Client guesser = api().basic(owner.email(), "wrong-password-guess");
        for (int i = 0; i < 10; i++) {
            assertThat(guesser.get("/manage/v1/apps").status()).isEqualTo(401);
        }

        Api.Response locked = owner.client().get("/manage/v1/apps");

        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.code()).isEqualTo("rate_limited");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 900L);
    }

    @Test
    void a_successful_sign_in_clears_earlier_failures() {
        Fixtures.TenantOwner owner = fixtures().tenant("Throttle Reset");
        Api.Client guesser = api().basic(owner.email(), "wrong-password-guess");
        for (int i = 0; i < 9; i++) {
            guesser.get("/manage/v1/apps");
        }
        assertThat(owner.client().get("/manage/v1/apps").status()).isEqualTo(200);
        for (int i = 0; i < 9; i++) {
            guesser.get("/manage/v1/apps");
        }
        assertThat(owner.client().get("/manage/v1/apps").status()).isEqualTo(200);
    }
}
