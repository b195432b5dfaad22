package org.chatroom.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import org.chatroom.server.support.IrcTestClient;
import org.chatroom.server.support.TestServer;
import org.chatroom.server.support.WsTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;

/**
 * Read markers across two devices of one account (draft/read-marker): the web client in a real
 * headless Chromium, and a raw WebSocket client logged in to the same account. What one reads, the
 * other stops counting as unread; opening a room tells the other device; "New" marks where unread began.
 */
@Timeout(120)
class WebReadMarkerBrowserTest extends BrowserTestBase {
    private static final String PASSWORD = "correct horse battery";

    /** The account's second device: a raw WebSocket client logged in with SASL PLAIN, in #dev. */
    private WsTestClient phone(String nick) throws Exception {
        WsTestClient c = WsTestClient.connect(server.web().httpPort(), "text.ircv3.net");
        c.awaitOpen();
        c.send("CAP LS 302");
        c.send("NICK " + nick);
        c.send("USER phone 0 * :phone");
        c.send("CAP REQ :sasl draft/read-marker server-time message-tags");
        c.awaitContains(" ACK ");
        c.send("AUTHENTICATE PLAIN");
        c.awaitContains("AUTHENTICATE +");
        c.send("AUTHENTICATE " + Base64.getEncoder().encodeToString(
                ("alice\0alice\0" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        c.awaitContains(" 903 ");
        c.send("CAP END");
        c.awaitContains(" 001 ");
        c.send("JOIN #dev");
        c.awaitContains(" 366 " + nick + " #dev ");
        return c;
    }

    private String badge(String room) {
        var found = browser.driver.findElements(By.cssSelector("#buffers button[data-buffer='" + room + "'] .badge.unread"));
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    @Test
    void whatOneDeviceReadsTheOtherStopsCountingAndOpeningARoomTellsTheOther() throws Exception {
        server = TestServer.start(Map.of("flood.exempt", "127.0.0.1"));
        open("?join=%23dev");
        browser.find("#nick").sendKeys("alice");
        browser.find("#password").sendKeys(PASSWORD);
        browser.find("#register-button").click();
        browser.find("#buffers button.active[data-buffer='#dev']");
        browser.awaitText("#account", "logged in as alice");
        browser.find("#buffers button[data-buffer='#lobby']").click();
        browser.find("#buffers button.active[data-buffer='#lobby']");

        try (IrcTestClient bob = IrcTestClient.registered(server.port(), "bob");
             WsTestClient phone = phone("alice_phone")) {
            bob.send("JOIN #dev");
            bob.awaitContains(" 366 bob #dev ");
            bob.send("PRIVMSG #dev :one");
            bob.send("PRIVMSG #dev :two");
            await().atMost(Browser.WAIT).ignoreExceptions().untilAsserted(() -> assertThat(badge("#dev")).isEqualTo("2"));

            // read on the phone: the browser's count goes
            phone.awaitContains("PRIVMSG #dev :two");
            phone.send("MARKREAD #dev timestamp=" + DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
                    .withZone(ZoneOffset.UTC).format(Instant.now()));
            await().atMost(Browser.WAIT).ignoreExceptions().untilAsserted(() -> assertThat(badge("#dev")).isEmpty());

            // one more; opening the room in the browser marks it read for the phone, after a "New" divider
            bob.send("PRIVMSG #dev :three");
            await().atMost(Browser.WAIT).ignoreExceptions().untilAsserted(() -> assertThat(badge("#dev")).isEqualTo("1"));
            phone.awaitContains("PRIVMSG #dev :three");
            int seen = phone.lines().size();
            browser.find("#buffers button[data-buffer='#dev']").click();
            browser.find("#buffers button.active[data-buffer='#dev']");
            Object after = browser.driver.executeScript(
                    "const d = document.querySelector('#messages .new-divider');"
                    + " return d && d.nextElementSibling ? d.nextElementSibling.textContent : null");
            assertThat((String) after).contains("three");
            browser.screenshot(Browser.SCREENSHOTS, "web-client-new-divider");
            await().atMost(Browser.WAIT).untilAsserted(() -> assertThat(phone.lines().subList(seen, phone.lines().size()))
                    .anyMatch(l -> l.contains(" MARKREAD #dev ") && l.contains("timestamp=")));
        }
    }
}
