package org.chatroom.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.util.Map;
import org.chatroom.server.ChatServer;
import org.chatroom.server.context.ServerStartException;
import org.chatroom.server.support.IrcTestClient;
import org.chatroom.server.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Behind a trusted proxy, the PROXY header's address is the client's for every limit; nobody else may claim one. */
@Timeout(60)
class ProxyProtocolTest {
    private static final Map<String, String> BEHIND_PROXY = Map.of("proxy.protocol", "true",
            "proxy.trusted", "127.0.0.1", "limits.exempt", "", "max.connections.per.ip", "1");

    private static IrcTestClient viaProxyV1(ChatServer s, String realAddress) throws Exception {
        IrcTestClient c = new IrcTestClient(s.port());
        c.send("PROXY TCP4 " + realAddress + " 127.0.0.1 40000 6667");
        return c;
    }

    private static void register(IrcTestClient c, String nick) throws Exception {
        c.send("NICK " + nick);
        c.send("USER " + nick + " 0 * :" + nick);
    }

    @Test
    void theHeadersAddressIsTheClientsForLimitsAndReplies() throws Exception {
        try (ChatServer s = TestServer.start(BEHIND_PROXY); IrcTestClient alice = viaProxyV1(s, "203.0.113.7")) {
            register(alice, "alice");
            alice.awaitContains(" 001 alice ");
            alice.send("WHOIS alice");
            assertThat(alice.awaitContains(" 311 alice alice ")).contains(" 203.0.113.7 ");
            try (IrcTestClient twin = viaProxyV1(s, "203.0.113.7"); IrcTestClient bob = viaProxyV1(s, "203.0.113.8")) {
                twin.awaitContains("ERROR :Closing link: Too many connections from your address");
                register(bob, "bob");
                bob.awaitContains(" 001 bob ");
                assertThat(s.registry().byNick("bob").remote()).isEqualTo("203.0.113.8:40000");
            }
        }
    }

    @Test
    void aVersionTwoHeaderWorksToo() throws Exception {
        try (ChatServer s = TestServer.start(BEHIND_PROXY); IrcTestClient carol = new IrcTestClient(s.port())) {
            carol.sendRaw(v2Header("198.51.100.23", 51000));
            register(carol, "carol");
            carol.awaitContains(" 001 carol ");
            assertThat(s.registry().byNick("carol").address()).isEqualTo("198.51.100.23");
        }
    }

    @Test
    void anUntrustedPeerCannotClaimAnAddress() throws Exception {
        try (ChatServer s = TestServer.start(Map.of("proxy.protocol", "true", "proxy.trusted", "127.0.0.2"));
             IrcTestClient eve = viaProxyV1(s, "10.9.8.7")) {
            eve.awaitContains(" 451 ");
            register(eve, "eve");
            eve.awaitContains(" 001 eve ");
            assertThat(s.registry().byNick("eve").address()).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void proxyProtocolWithoutTrustedProxiesIsAStartError() {
        assertThatThrownBy(() -> TestServer.start(Map.of("proxy.protocol", "true")))
                .isInstanceOf(ServerStartException.class).hasMessageContaining("proxy.trusted");
    }

    /** A PROXY protocol v2 header for TCP over IPv4 from {@code source}:{@code port} to 127.0.0.1:6667. */
    private static byte[] v2Header(String source, int port) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(new byte[] {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A});
        b.write(0x21); // version 2, PROXY
        b.write(0x11); // TCP over IPv4
        b.write(0);
        b.write(12);
        b.write(InetAddress.getByName(source).getAddress());
        b.write(InetAddress.getByName("127.0.0.1").getAddress());
        b.write(port >> 8);
        b.write(port & 0xFF);
        b.write(6667 >> 8);
        b.write(6667 & 0xFF);
        return b.toByteArray();
    }
}
