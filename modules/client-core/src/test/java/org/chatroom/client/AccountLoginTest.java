package org.chatroom.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.chatroom.client.ChatEvent.ConnectionState;
import org.chatroom.client.ChatEvent.ConnectionState.Status;
import org.chatroom.server.ChatServer;
import org.chatroom.server.support.AdminTestClient;
import org.chatroom.server.support.ChatServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SASL PLAIN while registering and account creation with REGISTER, against a real daemon and its SQLite file. */
@Timeout(60)
class AccountLoginTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    final ChatServerExtension daemon = ChatServerExtension.withAdminSocket();
    private final Clients clients = new Clients();

    @AfterEach
    void stop() {
        clients.close();
    }

    private void account(String name, String password) throws Exception {
        try (AdminTestClient a = daemon.admin()) {
            assertThat(a.call("account add " + name + " \"" + password + "\"").body()).containsExactly("account " + name + " created");
        }
    }

    @Test
    void logsInWithSaslBeforeRegistering() throws Exception {
        ChatServer server = daemon.start();
        account("erin", "s3cret pass");
        EventLog log = new EventLog();
        ChatClient c = clients.client(clients.config(server.port(), "erin")
                .credentials(new Credentials("ERIN", "s3cret pass", false)).build(), log);
        assertThat(c.connect().get(10, TimeUnit.SECONDS)).isEqualTo("erin");
        assertThat(log.of(ChatEvent.LoggedIn.class)).singleElement()
                .satisfies(l -> assertThat(l.created()).isFalse());
        assertThat(server.registry().byNick("erin").account()).isEqualToIgnoringCase("erin");
        assertThat(c.enabledCapabilities()).contains("sasl");
        assertThat(log.of(ChatEvent.ServerInfo.class)).noneSatisfy(i -> assertThat(i.code()).isIn("900", "903"));
    }

    @Test
    void aWrongPasswordStopsForGoodWithOneLine() throws Exception {
        ChatServer server = daemon.start();
        account("erin", "s3cret pass");
        EventLog log = new EventLog();
        ChatClient c = clients.client(clients.config(server.port(), "erin")
                .credentials(new Credentials("erin", "wrong", false)).build(), log);
        assertThatThrownBy(() -> c.connect().get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(ChatConnectException.class);
        ConnectionState end = c.terminated().get(5, TimeUnit.SECONDS);
        assertThat(end.cause()).isEqualTo(DisconnectCause.LOGIN_FAILED);
        assertThat(end.reason()).isEqualTo("login to account erin failed: wrong account name or password")
                .doesNotContain("wrong\n");
        assertThat(log.states()).containsExactly(Status.CONNECTING, Status.DISCONNECTED);
    }

    @Test
    void createsTheAccountThenLogsInToItAfterARestart() throws Exception {
        ChatServer server = daemon.start();
        int port = server.port();
        EventLog log = new EventLog();
        ChatClient c = clients.client(clients.config(port, "newbie")
                .credentials(new Credentials("newbie", "long-enough-pw", true)).build(), log);
        c.connect().get(10, TimeUnit.SECONDS);
        assertThat(log.of(ChatEvent.LoggedIn.class)).singleElement().satisfies(l -> {
            assertThat(l.account()).isEqualTo("newbie");
            assertThat(l.created()).isTrue();
        });
        assertThat(server.registry().byNick("newbie").account()).isEqualTo("newbie");

        server = daemon.start(Map.of("port", Integer.toString(port))); // same data dir: the account is in the file
        await().atMost(WAIT).untilAsserted(() -> assertThat(log.of(ConnectionState.class,
                s -> s.status() == Status.CONNECTED)).hasSize(2));
        assertThat(log.of(ChatEvent.LoggedIn.class)).hasSize(2).last().satisfies(l -> assertThat(l.created()).isFalse());
        assertThat(daemon.server().registry().byNick("newbie").account()).isEqualTo("newbie");
    }

    @Test
    void creatingAnAccountThatExistsSaysSo() throws Exception {
        ChatServer server = daemon.start();
        account("erin", "s3cret pass");
        ChatClient c = clients.client(clients.config(server.port(), "erin")
                .credentials(new Credentials("erin", "another-password", true)).build(), new EventLog());
        assertThatThrownBy(() -> c.connect().get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(ChatConnectException.class);
        ConnectionState end = c.terminated().get(5, TimeUnit.SECONDS);
        assertThat(end.cause()).isEqualTo(DisconnectCause.LOGIN_FAILED);
        assertThat(end.reason()).isEqualTo("cannot create account erin: That account already exists");
    }

    @Test
    void aServerWithoutCapabilitiesIsNotJoinedWithoutTheAccount() throws Exception {
        try (FakeIrcServer fake = new FakeIrcServer((n, w) -> { })) { // welcomes after USER, knows no CAP
            ChatClient c = clients.client(clients.config(fake.port(), "erin")
                    .credentials(new Credentials("erin", "s3cret pass", false)).build(), new EventLog());
            c.connect();
            ConnectionState end = c.terminated().get(5, TimeUnit.SECONDS);
            assertThat(end.cause()).isEqualTo(DisconnectCause.LOGIN_FAILED);
            assertThat(end.reason()).isEqualTo("the server does not offer logging in (SASL), so account erin cannot be used");
        }
    }

    @Test
    void theConfigNeverShowsThePassword() {
        ClientConfig config = ClientConfig.builder("h", 1, "n").credentials(new Credentials("a", "hunter22", false)).build();
        assertThat(config.toString()).contains("account=a").doesNotContain("hunter22");
        assertThat(config.credentials().toString()).doesNotContain("hunter22");
    }
}
