package org.chatroom.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.chatroom.server.support.IrcTestClient;
import org.chatroom.server.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The web client in a real headless Chromium against the in-process daemon, with a raw TCP IRC
 * client on the other side. Screenshots of the main states go to target/screenshots/ (docs/images/
 * with {@code -Dweb.screenshots=docs}), and of any failure to target/browser-failures/.
 */
@Timeout(90)
class WebClientBrowserTest extends BrowserTestBase {
    private static final Duration WAIT = Browser.WAIT;

    private WebElement find(String css) {
        return browser.find(css);
    }

    private void awaitText(String css, String text) {
        browser.awaitText(css, text);
    }

    private void connectAs(String nick) {
        find("#nick").sendKeys(nick);
        find("#connect-button").click();
        find("#buffers button.active[data-buffer='#lobby']");
    }

    private void type(String text) {
        browser.type(text);
    }

    @Test
    void connectSeeMembersAndChatWithATcpUser() throws Exception {
        server = TestServer.start();
        try (IrcTestClient bob = IrcTestClient.registered(server.port(), "bob")) {
            bob.send("MODE #lobby +o bob"); // refused (not an op): the member list must still show bob
            open("");
            connectAs("alice");
            awaitText("#members li", "bob");
            awaitText("#members li", "alice");
            bob.awaitContains(":alice!");
            bob.send("PRIVMSG #lobby :hi alice, see https://example.org/docs.");
            awaitText("#messages li", "hi alice");
            WebElement link = find("#messages a[href='https://example.org/docs']");
            assertThat(link.getText()).isEqualTo("https://example.org/docs");
            assertThat(find("#messages li.mention").getText()).contains("hi alice");
            type("hello bob");
            bob.awaitContains("PRIVMSG #lobby :hello bob");
            type("/me waves");
            bob.awaitContains("PRIVMSG #lobby :\u0001ACTION waves\u0001");
            awaitText("#messages li.action", "* alice waves");
            assertThat(browser.texts("#messages li.error")).as("a guest's client sends nothing the server refuses").isEmpty();
            browser.screenshot(Browser.SCREENSHOTS, "web-client");
        }
    }

    @Test
    void operatorsVoiceAndAwayShowInTheMemberList() throws Exception {
        server = TestServer.start(Map.of("rooms.user.create", "true"));
        try (IrcTestClient bob = IrcTestClient.registered(server.port(), "bob")) {
            bob.send("JOIN #ops"); // the creator is its operator
            bob.awaitContains(" 366 bob #ops ");
            bob.send("AWAY :lunch");
            open("?nick=alice&join=%23ops&connect");
            find("#buffers button.active[data-buffer='#ops']");
            await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
                WebElement b = browser.driver.findElement(By.cssSelector("#members li[data-nick='bob']"));
                assertThat(b.getText()).contains("@").contains("away");
                assertThat(b.getAttribute("class")).contains("away");
            });
            bob.send("MODE #ops +v alice");
            await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> assertThat(
                    browser.driver.findElement(By.cssSelector("#members li[data-nick='alice']")).getText()).startsWith("+"));
        }
    }

    @Test
    void inviteLinkFillsTheNickJoinsTheRoomAndSwitchingRoomsWorksByKeyboard() throws Exception {
        server = TestServer.start();
        try (IrcTestClient bob = IrcTestClient.registered(server.port(), "bob")) {
            bob.send("JOIN #dev");
            bob.awaitContains(" 366 bob #dev ");
            open("?nick=carol&join=%23dev");
            assertThat(find("#nick").getAttribute("value")).isEqualTo("carol");
            assertThat(find("#rooms").getAttribute("value")).isEqualTo("#dev");
            find("#connect-button").click();
            find("#buffers button.active[data-buffer='#dev']");
            bob.awaitContains(":carol!");
            assertThat(find("#buffer-title").getText()).isEqualTo("#dev");
            // a mention in a room we are not looking at is counted
            new Actions(browser.driver).keyDown(Keys.ALT).sendKeys("2").keyUp(Keys.ALT).perform();
            find("#buffers button.active[data-buffer='#lobby']");
            bob.send("PRIVMSG #dev :carol: look here");
            await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> assertThat(
                    browser.driver.findElement(By.cssSelector("#buffers button[data-buffer='#dev'] .badge.mention")).getText())
                    .isEqualTo("1"));
            browser.screenshot(Browser.SCREENSHOTS, "web-client-unread");
            // Ctrl+K: the quick switcher
            new Actions(browser.driver).keyDown(Keys.CONTROL).sendKeys("k").keyUp(Keys.CONTROL).perform();
            find("#switcher-input").sendKeys("dev", Keys.ENTER);
            find("#buffers button.active[data-buffer='#dev']");
            assertThat(browser.driver.findElements(By.cssSelector("#buffers button[data-buffer='#dev'] .badge"))).isEmpty();
            // Up recalls what was sent
            type("first line");
            bob.awaitContains("PRIVMSG #dev :first line");
            find("#input").sendKeys(Keys.ARROW_UP);
            assertThat(find("#input").getAttribute("value")).isEqualTo("first line");
        }
    }

    @Test
    void connectWithTheInviteLinkAtOnceAndSlashCommands() throws Exception {
        server = TestServer.start();
        try (IrcTestClient bob = IrcTestClient.registered(server.port(), "bob")) {
            open("?nick=dave&join=%23dev&connect");
            find("#buffers button.active[data-buffer='#dev']");
            type("/join #music");
            find("#buffers button.active[data-buffer='#music']");
            type("/topic all about music");
            awaitText("#topic", "all about music");
            type("/msg bob psst");
            bob.awaitContains(":dave!");
            bob.awaitContains("PRIVMSG bob :psst");
            find("#buffers button.active[data-buffer='bob']");
            bob.send("PRIVMSG dave :hi back");
            awaitText("#messages li", "hi back");
            type("/nick dave2"); // by now flood control paces dave's lines (burst spent): allow for it
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(bob.lines()).anyMatch(l -> l.contains(":dave NICK") || l.contains(":dave!") && l.contains(" NICK ")));
            type("/part");
            type("/away gone fishing");
            awaitText("#messages li", "You are marked as away");
            type("/frobnicate");
            awaitText("#messages li.error", "unknown command /frobnicate");
        }
    }

    @Test
    void typingIndicatorShowsWhenTheServerRelaysTags() throws Exception {
        server = TestServer.start();
        try (IrcTestClient bob = IrcTestClient.registered(server.port(), "bob")) {
            bob.send("CAP REQ :message-tags");
            bob.awaitContains("ACK");
            open("?nick=erin&connect");
            find("#buffers button.active[data-buffer='#lobby']");
            bob.awaitContains(":erin!");
            bob.send("@+typing=active TAGMSG #lobby");
            awaitText("#typing", "bob is typing");
            find("#input").sendKeys("abc");
            bob.awaitLine(l -> l.contains("+typing=active") && l.contains("TAGMSG #lobby"));
            bob.send("@+typing=done TAGMSG #lobby");
            await().atMost(WAIT).untilAsserted(() -> assertThat(find("#typing").getText()).isEmpty());
        }
    }

    @Test
    void reconnectsAfterADaemonRestartAndRejoinsItsRooms() throws Exception {
        server = TestServer.start();
        int tcp = server.port();
        int http = server.web().httpPort();
        try (IrcTestClient bob = IrcTestClient.registered(tcp, "bob")) {
            open("?nick=frank&join=%23dev&connect");
            find("#buffers button.active[data-buffer='#dev']");
            bob.awaitContains(":frank!");
        }
        server.close();
        awaitText("#status-bar", "Disconnected");
        browser.screenshot(Browser.SCREENSHOTS, "web-client-reconnecting");
        server = TestServer.start(Map.of("port", String.valueOf(tcp), "http.port", String.valueOf(http)));
        try (IrcTestClient bob = IrcTestClient.registered(tcp, "bob")) {
            bob.send("JOIN #dev");
            await().atMost(WAIT).untilAsserted(() -> {
                bob.send("NAMES #dev");
                assertThat(bob.lines()).anyMatch(l -> l.contains(" 353 bob = #dev ") && l.contains("frank"));
            });
            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(browser.driver.findElement(By.id("status-bar")).isDisplayed()).isFalse());
        }
    }

    @Test
    void aLostSocketIsRetriedWithinTwoSeconds() throws Exception {
        server = TestServer.start();
        try (IrcTestClient bob = IrcTestClient.registered(server.port(), "bob")) {
            open("?nick=hank&join=%23dev&connect");
            find("#buffers button.active[data-buffer='#dev']");
            bob.send("JOIN #dev");
            bob.awaitContains(":hank!");
            bob.clear();
            long cut = System.nanoTime();
            browser.driver.executeScript("chatroom.conn.ws.close()");
            awaitText("#status-bar", "Retrying in 1 s");
            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(bob.lines()).anyMatch(l -> l.contains(":hank") && l.contains(" JOIN #dev")));
            assertThat(Duration.ofNanos(System.nanoTime() - cut)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void darkModeAndThePhoneLayout() throws Exception {
        server = TestServer.start();
        try (IrcTestClient bob = IrcTestClient.registered(server.port(), "bob")) {
            open("?nick=gina&connect");
            find("#buffers button.active[data-buffer='#lobby']");
            bob.send("PRIVMSG #lobby :good evening");
            awaitText("#messages li", "good evening");
            WebElement theme = find("#theme-toggle");
            theme.click(); // system -> dark
            assertThat(browser.driver.executeScript("return document.documentElement.dataset.theme")).isEqualTo("dark");
            String bg = (String) browser.driver.executeScript("return getComputedStyle(document.body).backgroundColor");
            assertThat(bg).isEqualTo("rgb(17, 24, 39)");
            browser.screenshot(Browser.SCREENSHOTS, "web-client-dark");
            browser.size(390, 844);
            await().atMost(WAIT).untilAsserted(() -> assertThat(find("#menu-toggle").isDisplayed()).isTrue());
            assertThat(browser.driver.findElement(By.id("sidebar")).getRect().getX()).isNegative();
            browser.screenshot(Browser.SCREENSHOTS, "web-client-phone");
            find("#menu-toggle").click();
            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(browser.driver.findElement(By.id("sidebar")).getRect().getX()).isGreaterThanOrEqualTo(0));
        }
    }
}
