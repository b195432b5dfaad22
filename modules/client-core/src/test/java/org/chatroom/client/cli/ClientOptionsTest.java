package org.chatroom.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Options;
import org.junit.jupiter.api.Test;

/** The connection options both clients share, parsed and checked in one place. */
class ClientOptionsTest {

    private static ClientOptions parse(ClientOptions.Defaults d, String... args) throws Exception {
        Options o = new Options();
        ClientOptions.addTo(o, "h", "p", "n");
        CommandLine cl = DefaultParser.builder().get().parse(o, args);
        return ClientOptions.from(cl, d);
    }

    @Test
    void builtInDefaultsAndTlsMovesThePort() throws Exception {
        assertThat(parse(ClientOptions.Defaults.BUILT_IN)).isEqualTo(new ClientOptions("localhost", 6667, null, false));
        assertThat(parse(ClientOptions.Defaults.BUILT_IN, "--tls").port()).isEqualTo(6697);
        assertThat(parse(ClientOptions.Defaults.BUILT_IN, "--tls", "-p", "7000").port()).isEqualTo(7000);
        assertThat(parse(ClientOptions.Defaults.BUILT_IN, "--host", "chat.example", "-n", "bob"))
                .isEqualTo(new ClientOptions("chat.example", 6667, "bob", false));
    }

    @Test
    void rememberedDefaultsKeepTheirPort() throws Exception {
        ClientOptions.Defaults lastTls = new ClientOptions.Defaults("h.example", 7443, true, true);
        assertThat(parse(lastTls)).isEqualTo(new ClientOptions("h.example", 7443, null, true));
        assertThat(parse(lastTls, "--tls").port()).isEqualTo(7443);
    }

    @Test
    void mistakesSayWhatWasWrongAndWhatIsAllowed() {
        assertThatThrownBy(() -> parse(ClientOptions.Defaults.BUILT_IN, "--port", "70000"))
                .isInstanceOf(ClientOptions.UsageException.class).hasMessage("--port 70000 is out of range (1-65535)");
        assertThatThrownBy(() -> parse(ClientOptions.Defaults.BUILT_IN, "--port", "abc"))
                .hasMessage("--port abc is not a number (1-65535)");
        assertThatThrownBy(() -> parse(ClientOptions.Defaults.BUILT_IN, "--host", " ")).hasMessage("--host is empty");
        assertThatThrownBy(() -> parse(ClientOptions.Defaults.BUILT_IN, "--nick", "9lives"))
                .hasMessageStartingWith("--nick 9lives: ");
        assertThatThrownBy(() -> parse(ClientOptions.Defaults.BUILT_IN, "--trust-fingerprint", "AB"))
                .isInstanceOf(ClientOptions.UsageException.class).hasMessageContaining("--tls");
    }
}
