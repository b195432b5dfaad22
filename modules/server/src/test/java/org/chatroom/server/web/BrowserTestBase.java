package org.chatroom.server.web;

import org.chatroom.server.ChatServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One headless Chromium per test class, a daemon per test (set {@link #server}), and a screenshot
 * of any failure in target/browser-failures/.
 */
abstract class BrowserTestBase {
    static Browser browser;
    ChatServer server;

    /** Before {@code @AfterEach} leaves the page: the screenshot shows what the test saw. */
    @RegisterExtension
    final AfterTestExecutionCallback onFailure = context -> {
        if (browser != null && context.getExecutionException().isPresent()) {
            browser.screenshot(Browser.FAILURES, context.getRequiredTestMethod().getName());
            System.err.println("browser console of " + context.getRequiredTestMethod().getName() + ":\n" + browser.console());
        }
    };

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

    @AfterEach
    void stopServer() {
        browser.driver.get("about:blank"); // closes the page's socket before the server goes
        if (server != null) {
            server.close();
        }
    }

    /** Opens the web client of {@link #server} with nothing remembered. */
    void open(String query) {
        browser.open(server.web().httpPort(), query);
    }
}
