package io.linnet.server.console;

import io.linnet.server.support.ServerIT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the console's browser tests: one headless Chromium per test class, and every test
 * starting signed out on the running server, in a new browser if the class's browser died.
 */
abstract class InBrowser extends ServerIT {

    protected static Browser browser;

    @BeforeAll
    static void startBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void signedOut() {
        if (!browser.alive()) {
            browser.close();
            browser = new Browser();
        }
        browser.startAt(api().baseUrl());
    }
}
