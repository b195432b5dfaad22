package org.chatroom.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import org.chatroom.server.support.IrcTestClient;
import org.chatroom.server.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Scroll-back and gap filling through CHATHISTORY in a real headless Chromium against the daemon
 * (its SQLite history), with a raw TCP client saying things: the latest lines on joining, older
 * pages on scrolling to the top until the beginning of history, each message exactly once, and after
 * a lost connection what was said meanwhile.
 */
@Timeout(120)
class WebHistoryBrowserTest extends BrowserTestBase {
    private static final int SAID = 130; // more than two pages of 50

    /** The texts of the message lines shown now. */
    private List<String> shown() {
        return browser.driver.findElements(By.cssSelector("#messages li.message .text")).stream()
                .map(WebElement::getText).toList();
    }

    private void scrollToTop() {
        browser.driver.executeScript("const m = document.getElementById('messages'); m.scrollTop = 0;"
                + " m.dispatchEvent(new Event('scroll'));");
    }

    /** A daemon whose TCP user bob, free of flood control so that he can talk fast, is in #dev. */
    private IrcTestClient bobInDev() throws Exception {
        server = TestServer.start(Map.of("flood.exempt", "127.0.0.1"));
        IrcTestClient bob = IrcTestClient.registered(server.port(), "bob");
        bob.send("JOIN #dev");
        bob.awaitContains(" 366 bob #dev ");
        return bob;
    }

    @Test
    void joiningShowsTheLatestLinesAndScrollingUpReachesTheBeginningWithoutDuplicates() throws Exception {
        try (IrcTestClient bob = bobInDev()) {
            for (int i = 1; i <= SAID; i++) {
                bob.send("PRIVMSG #dev :line " + i);
            }
            bob.sync();
            open("?nick=alice&join=%23dev&connect");
            browser.find("#buffers button.active[data-buffer='#dev']");
            browser.awaitText("#messages li.message", "line " + SAID);
            assertThat(shown()).as("only the latest page at first").doesNotContain("line 1");
            assertThat((Boolean) browser.driver.executeScript(
                    "return document.scrollingElement.scrollHeight <= window.innerHeight"))
                    .as("the lines scroll in their list, not the page").isTrue();
            await().atMost(Browser.WAIT).ignoreExceptions().untilAsserted(() -> {
                scrollToTop();
                assertThat(browser.texts("#messages li.history-start")).containsExactly("Beginning of history");
            });
            List<String> all = shown();
            assertThat(all).hasSize(SAID).doesNotHaveDuplicates();
            assertThat(all.get(0)).isEqualTo("line 1");
            assertThat(all.get(SAID - 1)).isEqualTo("line " + SAID);
            browser.driver.executeScript("document.getElementById('messages').scrollTop = 0");
            browser.screenshot(Browser.SCREENSHOTS, "web-client-history");
            // away and back: asking again adds nothing twice
            browser.find("#buffers button[data-buffer='#lobby']").click();
            browser.find("#buffers button.active[data-buffer='#lobby']");
            browser.find("#buffers button[data-buffer='#dev']").click();
            browser.find("#buffers button.active[data-buffer='#dev']");
            bob.send("PRIVMSG #dev :live after history");
            browser.awaitText("#messages li.message", "live after history");
            assertThat(shown()).hasSize(SAID + 1).doesNotHaveDuplicates();
        }
    }

    @Test
    void afterALostConnectionWhatWasSaidMeanwhileIsShownOnce() throws Exception {
        try (IrcTestClient bob = bobInDev()) {
            open("?nick=frank&join=%23dev&connect");
            browser.find("#buffers button.active[data-buffer='#dev']");
            bob.awaitContains(":frank!");
            bob.send("PRIVMSG #dev :before the cut");
            browser.awaitText("#messages li.message", "before the cut");

            // the socket drops with the next retry far off (WebClientBrowserTest checks the first is within 2 s)
            bob.clear();
            browser.driver.executeScript("chatroom.conn.attempt = 5; chatroom.conn.ws.close()");
            browser.awaitText("#status-bar", "Retrying in");
            bob.awaitContains("QUIT");
            for (int i = 1; i <= 60; i++) { // more than one page: the gap is filled page by page
                bob.send("PRIVMSG #dev :gap " + i);
            }
            bob.sync();
            browser.find("#status-bar button").click(); // "Reconnect now"
            browser.awaitText("#messages li.message", "gap 60");
            List<String> lines = shown();
            assertThat(lines).doesNotHaveDuplicates().contains("before the cut", "gap 1", "gap 30", "gap 60");
            assertThat(lines.indexOf("gap 1")).isGreaterThan(lines.indexOf("before the cut"));
        }
    }

    @Test
    void aPrivateMessageSentWhileAwayShowsOnceInItsConversationAfterTheReconnect() throws Exception {
        server = TestServer.start(Map.of("flood.exempt", "127.0.0.1"));
        open("");
        browser.find("#nick").sendKeys("alice");
        browser.find("#password").sendKeys("correct horse battery");
        browser.find("#register-button").click();
        browser.awaitText("#account", "logged in as alice");
        try (IrcTestClient bob = IrcTestClient.registered(server.port(), "bob")) {
            bob.send("REGISTER * * :staple battery horse");
            bob.awaitContains("REGISTER SUCCESS");
            bob.clear();
            browser.driver.executeScript("chatroom.conn.attempt = 5; chatroom.conn.ws.close()");
            bob.awaitContains(" QUIT ");
            bob.send("PRIVMSG alice :while you were away"); // to an offline account: kept for its login
            bob.sync();
            browser.find("#status-bar button").click(); // "Reconnect now": logs in again, SASL
            await().atMost(Browser.WAIT).ignoreExceptions().untilAsserted(() -> assertThat(browser.driver.findElement(
                    By.cssSelector("#buffers button[data-buffer='bob'] .badge.unread")).getText()).isEqualTo("1"));
            browser.find("#buffers button[data-buffer='bob']").click();
            browser.awaitText("#messages li.message", "while you were away");
            assertThat(shown()).containsOnlyOnce("while you were away");
            assertThat(browser.driver.findElements(By.cssSelector("#buffers button[data-buffer='alice']")))
                    .as("played under our own nick, shown in the sender's conversation").isEmpty();
        }
    }
}
