package org.chatroom.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.logging.log4j.Level;
import org.chatroom.server.support.AdminTestClient;
import org.chatroom.server.support.ChatServerExtension;
import org.chatroom.server.support.LogWatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The admin socket's account commands: their replies, their errors, and no password in any log line. */
@Timeout(60)
class AdminAccountsTest {
    @RegisterExtension
    final ChatServerExtension fx = ChatServerExtension.withAdminSocket();

    @Test
    void accountsAreManagedAndPasswordsNeverLogged() throws Exception {
        fx.start();
        try (LogWatcher log = LogWatcher.install(AccountCommands.class, Level.DEBUG);
             LogWatcher session = LogWatcher.install(AdminSession.class, Level.DEBUG);
             AdminTestClient a = fx.admin()) {
            assertThat(a.call("account add ivan first-secret").body()).containsExactly("account ivan created");
            assertThat(a.call("account add IVAN other-secret").status())
                    .isEqualTo("ERR 300 account IVAN exists already");
            assertThat(a.call("account add bad,name pw").status()).startsWith("ERR 106 'bad,name' is not an account name");
            assertThat(a.call("account passwd ivan second-secret").body()).containsExactly("password of ivan changed");
            assertThat(a.call("account passwd nobody x").status()).isEqualTo("ERR 300 no such account: nobody");
            assertThat(a.call("account list").body()).singleElement().asString().startsWith("account=ivan created=20");
            assertThat(a.call("account list --json").body().get(0)).startsWith("[{\"name\":\"ivan\",\"created\":\"20");
            assertThat(a.call("account frob").status()).startsWith("ERR 106 no account command 'frob'");
            assertThat(a.call("account del ivan x").status()).startsWith("ERR 105 too many arguments");
            assertThat(a.call("account del ivan").body()).containsExactly("account ivan deleted");
            assertThat(a.call("account list").body()).isEmpty();
            assertThat(log.events()).anyMatch(e -> e.contains("created account ivan"))
                    .noneMatch(e -> e.contains("secret"));
            assertThat(session.events()).noneMatch(e -> e.contains("secret"));
        }
    }
}
