package org.chatroom.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.chatroom.server.support.IrcTestClient;
import org.chatroom.server.support.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;

/**
 * Accounts in the web client, in a real headless Chromium against the in-process daemon (with its
 * SQLite store): "Create account" (REGISTER while registering), then logging in with SASL PLAIN, a
 * wrong password answered by one line in the form, and "Remember me".
 */
@Timeout(90)
class WebAccountBrowserTest extends BrowserTestBase {
    private static final String PASSWORD = "correct horse battery";
    @BeforeEach
    void startServer() {
        server = TestServer.start();
    }

    private void fillForm(String nick, String password, boolean remember) {
        browser.find("#nick").clear();
        browser.find("#nick").sendKeys(nick);
        browser.find("#password").clear();
        browser.find("#password").sendKeys(password);
        if (browser.find("#remember").isSelected() != remember) {
            browser.find("#remember").click();
        }
    }

    private void leave() {
        browser.driver.get("about:blank"); // the socket closes; the next page starts afresh
    }

    @Test
    void createAnAccountThenLogInWithItAndAWrongPasswordSaysSoInOneLine() throws Exception {
        open("");
        fillForm("alice", PASSWORD, false);
        browser.find("#register-button").click();
        browser.find("#buffers button.active[data-buffer='#lobby']");
        browser.awaitText("#account", "logged in as alice");
        assertThat(browser.driver.getCurrentUrl()).doesNotContain("horse");
        try (IrcTestClient bob = IrcTestClient.registered(server.port(), "bob")) {
            bob.send("WHOIS alice");
            bob.awaitContains(" 330 bob alice alice ");
        }
        leave();

        open("");
        fillForm("alice", "not the password", false);
        browser.find("#connect-button").click();
        browser.awaitText("#connect-error", "Login failed: wrong nick (account) or password");
        assertThat(browser.find("#connect").isDisplayed()).isTrue();
        assertThat(browser.driver.findElement(By.id("chat")).isDisplayed()).isFalse();
        browser.screenshot(Browser.SCREENSHOTS, "web-client-login-failed");

        // the same page, once more with the right password: one session, no twice-wired keys
        fillForm("alice", PASSWORD, false);
        browser.find("#connect-button").click();
        browser.find("#buffers button.active[data-buffer='#lobby']");
        browser.awaitText("#account", "logged in as alice");
        try (IrcTestClient bob = IrcTestClient.registered(server.port(), "bob")) {
            bob.send("JOIN #lobby");
            bob.awaitContains(" 366 bob #lobby ");
            browser.type("once only");
            bob.awaitContains("PRIVMSG #lobby :once only");
            bob.sync();
            assertThat(bob.lines()).filteredOn(l -> l.contains("once only")).hasSize(1);
        }
        assertThat(browser.driver.executeScript("return localStorage.getItem('chatroom.password')")).isNull();
    }

    @Test
    void rememberMeKeepsThePasswordOnThisDeviceOnlyWhenTicked() throws Exception {
        open("");
        fillForm("carol", PASSWORD, true);
        browser.find("#register-button").click();
        browser.awaitText("#account", "logged in as carol");
        assertThat(browser.driver.executeScript("return localStorage.getItem('chatroom.password')")).isEqualTo(PASSWORD);
        leave();
        // an invite link with &connect logs in with what was remembered
        browser.driver.get("http://127.0.0.1:" + server.web().httpPort() + "/?connect");
        browser.awaitText("#account", "logged in as carol");
        assertThat(browser.driver.getCurrentUrl()).doesNotContain("horse");
    }

    @Test
    void creatingAnAccountThatExistsOrWithAShortPasswordIsRefusedInOneLine() throws Exception {
        open("");
        fillForm("dave", "short", false);
        browser.find("#register-button").click();
        browser.awaitText("#connect-error", "at least 8 characters");
        fillForm("dave", PASSWORD, false);
        browser.find("#register-button").click();
        browser.awaitText("#account", "logged in as dave");
        leave();
        open("");
        fillForm("dave", PASSWORD, false);
        browser.find("#register-button").click();
        browser.awaitText("#connect-error", "Cannot create the account: That account already exists");
        await().atMost(Browser.WAIT).untilAsserted(() ->
                assertThat(browser.driver.findElement(By.id("chat")).isDisplayed()).isFalse());
    }
}
