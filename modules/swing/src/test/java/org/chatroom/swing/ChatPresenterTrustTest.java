package org.chatroom.swing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatroom.swing.Events.T;
import static org.chatroom.swing.Events.connected;
import static org.chatroom.swing.Events.disconnected;
import static org.chatroom.swing.Events.joined;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.chatroom.client.ChatEvent;
import org.chatroom.client.DisconnectCause;
import org.chatroom.client.ServerCertificate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the presenter does when a connection is refused for an untrusted certificate. */
class ChatPresenterTrustTest {
    private static final String SHA = String.join(":", java.util.Collections.nCopies(32, "AB"));
    private static final ServerCertificate CERT = new ServerCertificate("CN=chat.test", "CN=chat.test",
            List.of("chat.test"), T.plusSeconds(86_400), true, SHA);
    private static final String REASON = "cannot connect to chat.test:6667: the server's certificate is not trusted "
            + "(CN=chat.test, self-signed, SHA-256 " + SHA + ")";

    private TestUi ui;
    private FakeGateways gateways;
    private ChatModel model;
    private final List<ServerCertificate> asked = new ArrayList<>();
    private boolean answer;
    private ChatPresenter presenter;

    @BeforeEach
    void setUp() {
        ui = new TestUi();
        gateways = new FakeGateways();
        model = new ChatModel(ui, 100);
        presenter = new ChatPresenter(model, ui, gateways, () -> T, (server, cert) -> {
            assertThat(server).isEqualTo("chat.test:6667");
            asked.add(cert);
            return answer;
        });
    }

    private void play(ChatEvent... events) {
        for (ChatEvent e : events) {
            gateways.last().emit(e);
        }
        ui.drain();
    }

    private void refuseCertificate() {
        gateways.last().rejected = CERT;
        gateways.last().connected = false;
        play(disconnected(REASON, DisconnectCause.UNTRUSTED_CERTIFICATE));
    }

    @Test
    void acceptingTheCertificatePinsItAndConnectsAgainForTheLoginDialog() {
        answer = true;
        CompletableFuture<String> first = presenter.connect("gina", true);
        refuseCertificate();

        assertThat(asked).containsExactly(CERT);
        assertThat(gateways.trusted).containsExactly(SHA);
        assertThat(gateways.opened).hasSize(2);
        assertThat(gateways.opened.get(0).closed).isTrue();
        assertThat(first).isNotDone();
        assertThat(model.serverTab().lines().stream().map(ChatLine::plain))
                .anyMatch(l -> l.contains("not trusted: CN=chat.test, self-signed, SHA-256 " + SHA))
                .anyMatch(l -> l.contains("trusting the certificate with SHA-256 " + SHA));

        play(connected("gina"));
        assertThat(first).isCompletedWithValue("gina");
        assertThat(model.banner()).isNull();
    }

    @Test
    void refusingLeavesTheLoginDialogWithTheReason() {
        answer = false;
        CompletableFuture<String> first = presenter.connect("gina", true);
        refuseCertificate();

        assertThat(asked).containsExactly(CERT);
        assertThat(gateways.trusted).isEmpty();
        assertThat(gateways.opened).hasSize(1);
        assertThat(first).isCompletedExceptionally();
        assertThat(first.handle((v, e) -> e.getMessage()).join())
                .contains("does not trust", "SHA-256 " + SHA);
    }

    @Test
    void refusingInTheWindowShowsTheBannerAndReconnectAsksAgain() {
        answer = false;
        presenter.connect("gina", false);
        play(joined("#lobby", "gina", true), connected("gina"));
        refuseCertificate();

        assertThat(model.banner().message()).startsWith("The server chat.test:6667 presented a certificate this "
                + "computer does not trust").contains(SHA);
        assertThat(model.status()).startsWith("disconnected (");
        assertThat(gateways.opened).hasSize(1);

        answer = true;
        presenter.reconnect();
        refuseCertificate();
        assertThat(asked).hasSize(2);
        assertThat(gateways.trusted).containsExactly(SHA);
        assertThat(gateways.last().rooms).containsExactly("#lobby");
        play(connected("gina"));
        assertThat(model.banner()).isNull();
    }

    @Test
    void otherCausesAndMissingCertificatesDoNotAsk() {
        answer = true;
        presenter.connect("gina", false);
        play(disconnected("cannot connect to chat.test:6667: TLS handshake failed", DisconnectCause.CONNECT_FAILED));
        presenter.reconnect();
        play(disconnected(REASON, DisconnectCause.UNTRUSTED_CERTIFICATE)); // no certificate known

        assertThat(asked).isEmpty();
        assertThat(gateways.trusted).isEmpty();
        assertThat(gateways.opened).hasSize(2);
    }
}
