package io.linnet.server.console;

import io.linnet.server.support.Fixtures;
import io.linnet.tenancy.account.Totp;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A forgotten password (an operator's one-time reset link) and two-factor sign-in (TOTP, with
 * recovery codes), in the browser against the running server.
 */
class AccountSecurityBrowserIT extends InBrowser {

    private static final String NEW_PASSWORD = "a-brand-new-password";

    @Test
    void an_operator_issues_a_reset_link_with_which_the_member_sets_a_new_password_once() {
        Fixtures.TenantOwner owner = fixtures().tenant("Forgetful Co");
        SignIn signIn = new SignIn(browser);
        signIn.as(OPERATOR_EMAIL, OPERATOR_PASSWORD);
        browser.open("/password-resets");
        browser.type("reset-email", "nobody-" + owner.email());
        browser.clickId("issue-reset");
        assertThat(browser.byId("reset-email").getText() + browser.pageSource())
                .as("an unknown address is said beside the field").contains("No active account has this address");
        browser.type("reset-email", owner.email());
        browser.clickId("issue-reset");
        String link = browser.valueOf("reset-link");
        assertThat(link).startsWith(api().baseUrl() + "/password-reset/");
        browser.screenshot("password-reset-issued");
        signIn.signOut();

        browser.open(link);
        assertThat(browser.byId("reset-details").getText()).contains(owner.email());
        browser.type("reset-password", "short");
        browser.type("reset-password-again", "short");
        browser.clickId("set-new-password");
        assertThat(browser.pageSource()).as("the sign-up rules apply").contains("at least 10 characters");
        browser.type("reset-password", NEW_PASSWORD);
        browser.type("reset-password-again", NEW_PASSWORD);
        browser.clickId("set-new-password");
        browser.byId("reset-done");

        assertThat(refusedSignIn(owner.email(), Fixtures.PASSWORD)).as("the old password no longer works").isTrue();
        signIn.as(owner.email(), NEW_PASSWORD);
        assertThat(signIn.email()).isEqualTo(owner.email());
        signIn.signOut();

        browser.open(link);
        assertThat(browser.byId("reset-invalid").getText()).isEqualTo("This reset link does not work");

        String audit = operator().get("/ops/v1/audit?who=" + owner.email() + "&action=account.password_reset").body();
        assertThat(audit).contains("account.password_reset");
        assertThat(operator().get("/ops/v1/audit?action=account.password_reset_issued&q=" + owner.email()).body())
                .contains(OPERATOR_EMAIL);
    }

    @Test
    void a_member_turns_on_two_factor_sign_in_which_then_asks_for_a_code_or_a_recovery_code_used_once() {
        Fixtures.TenantOwner owner = fixtures().tenant("Two Factor Co");
        SignIn signIn = new SignIn(browser);
        signIn.as(owner.email(), Fixtures.PASSWORD);
        new AccountPage(browser).open();
        browser.clickId("two-factor-start");
        byte[] secret = Totp.fromBase32(browser.valueOf("two-factor-secret"));
        assertThat(browser.byId("two-factor-uri").getAttribute("href")).startsWith("otpauth://totp/");
        browser.type("two-factor-code", wrongCode(secret));
        browser.clickId("two-factor-confirm");
        assertThat(browser.pageSource()).as("a wrong first code turns nothing on").contains("That code is not right");
        browser.type("two-factor-code", Totp.code(secret, Totp.step(Instant.now())));
        browser.clickId("two-factor-confirm");
        List<String> recovery = browser.byId("recovery-codes").getText().lines().map(String::strip).toList();
        assertThat(recovery).hasSize(10).allMatch(code -> code.matches("[a-z2-7]{5}-[a-z2-7]{5}"));
        browser.screenshot("two-factor-recovery-codes");
        browser.clickId("recovery-codes-done");
        assertThat(browser.byId("two-factor-status").getText()).isEqualTo("ON");
        signIn.signOut();

        passwordOnly(owner.email(), Fixtures.PASSWORD);
        browser.waitForUrlContaining("/two-factor");
        browser.open("/apps");
        assertThat(browser.currentUrl()).as("no other page before the code").contains("/two-factor");
        browser.type("second-factor-code", wrongCode(secret));
        browser.clickId("verify-second-factor");
        assertThat(browser.pageSource()).contains("That code is not right");
        // the next step's code: the current one was used to turn it on, and a code is never taken twice
        browser.type("second-factor-code", Totp.code(secret, Totp.step(Instant.now()) + 1));
        browser.clickId("verify-second-factor");
        assertThat(signIn.email()).isEqualTo(owner.email());
        signIn.signOut();

        signInWithCode(owner.email(), recovery.getFirst());
        assertThat(signIn.email()).isEqualTo(owner.email());
        signIn.signOut();

        signInWithCode(owner.email(), recovery.getFirst());
        assertThat(browser.pageSource()).as("a recovery code works once").contains("That code is not right");
        assertThat(browser.currentUrl()).contains("/two-factor");

        assertThat(owner.client().get("/manage/v1/apps").status())
                .as("the password alone opens no API either; scripts use a personal access token").isEqualTo(403);
    }

    /** A 6-digit code that is none of the three a sign-in would accept now. */
    private static String wrongCode(byte[] secret) {
        long now = Totp.step(Instant.now());
        return Totp.code(secret, now + 7);
    }

    /** Signs in with the password, then gives {@code code} on the second step. */
    private static void signInWithCode(String email, String code) {
        passwordOnly(email, Fixtures.PASSWORD);
        browser.waitForUrlContaining("/two-factor");
        browser.type("second-factor-code", code);
        browser.clickId("verify-second-factor");
    }

    private static void passwordOnly(String email, String password) {
        browser.open("/login");
        browser.visible(By.cssSelector("#login-form input[name='username']")).sendKeys(email);
        browser.visible(By.cssSelector("#login-form input[name='password']")).sendKeys(password, Keys.ENTER);
    }

    private static boolean refusedSignIn(String email, String password) {
        passwordOnly(email, password);
        browser.waitForUrlContaining("error");
        return !browser.present(By.id("signed-in-email"));
    }
}
