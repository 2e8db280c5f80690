package io.linnet.server.console;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser test class outlives a crashed browser: once one test's ChromeDriver session dies, the
 * next test starts a new browser instead of failing with the dead one (seen once under load, when
 * one crash cost a class all of its tests).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserCrashBrowserIT extends InBrowser {

    @Test
    @Order(1)
    void a_test_whose_browser_dies_leaves_a_dead_session_behind() {
        browser.open("/login");
        browser.crash();

        assertThat(browser.alive()).as("the session is gone, as after a crash").isFalse();
    }

    @Test
    @Order(2)
    void the_next_test_of_the_class_gets_a_working_browser() {
        browser.open("/login");

        assertThat(browser.alive()).isTrue();
        assertThat(browser.visible(By.cssSelector("#login-form input[name='username']")).isDisplayed())
                .as("the sign-in page opens in the new browser").isTrue();
    }
}
