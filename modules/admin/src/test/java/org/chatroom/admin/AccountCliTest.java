package org.chatroom.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.chatroom.server.support.ChatServerExtension;
import org.chatroom.server.support.IrcTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** chat-admin account: the password comes from standard input (or a no-echo prompt), never from argv. */
@Timeout(60)
class AccountCliTest {
    @RegisterExtension
    final ChatServerExtension fx = ChatServerExtension.withAdminSocket();

    private Run withPassword(String password, String... args) {
        return Run.withInput(new ByteArrayInputStream((password + "\n").getBytes(StandardCharsets.UTF_8)), args);
    }

    @Test
    void addListPasswdDelWithThePasswordOnStandardInput() throws Exception {
        fx.start();
        String sock = fx.socket().toString();
        Run add = withPassword("pass with spaces \"and quotes\"", "--socket", sock, "account", "add", "gina");
        assertThat(add.code()).as(add.err()).isZero();
        assertThat(add.out()).isEqualTo("account gina created\n");
        assertThat(withPassword("x", "--socket", sock, "account", "add", "gina").code()).as("exists").isEqualTo(1);

        try (IrcTestClient c = fx.user("gina")) {
            c.send("AUTHENTICATE PLAIN");
            c.send("AUTHENTICATE " + java.util.Base64.getEncoder().encodeToString(
                    "\0gina\0pass with spaces \"and quotes\"".getBytes(StandardCharsets.UTF_8)));
            c.awaitContains(" 903 gina ");
        }
        assertThat(Run.of("--socket", sock, "account", "list").out()).startsWith("account=gina created=20");
        assertThat(withPassword("new-password", "--socket", sock, "account", "passwd", "gina").out())
                .isEqualTo("password of gina changed\n");
        assertThat(Run.of("--socket", sock, "account", "del", "gina").out()).isEqualTo("account gina deleted\n");
        Run again = Run.of("--socket", sock, "account", "del", "gina");
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).isEqualTo("chat-admin: no such account: gina\n");
    }

    @Test
    void aPasswordOnTheCommandLineIsRefusedBeforeAnythingIsSent() throws Exception {
        fx.start();
        Run r = Run.of("--socket", fx.socket().toString(), "account", "add", "hal", "hunter22");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("chat-admin: usage: account add NAME (the password is read from the terminal"
                + " or standard input, never from the command line)\n");
        Run empty = Run.of("--socket", fx.socket().toString(), "account", "add", "hal");
        assertThat(empty.code()).isEqualTo(2);
        assertThat(empty.err()).isEqualTo("chat-admin: no password on standard input\n");
        assertThat(Run.of("--socket", fx.socket().toString(), "account", "list").out()).isEmpty();
    }
}
