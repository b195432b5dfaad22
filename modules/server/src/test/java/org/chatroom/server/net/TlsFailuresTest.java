package org.chatroom.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.NotSslRecordException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class TlsFailuresTest {

    @Test
    void aNonTlsRecordIsDescribedNotDumped() {
        Throwable t = new DecoderException(new NotSslRecordException("not an SSL/TLS record: 4e49434b20736e65616b790d0a"));
        assertThat(TlsFailures.rootMessage(t)).isEqualTo("not a TLS record (plain-text IRC sent to the TLS port)");
        Throwable http = new NotSslRecordException("not an SSL/TLS record: 474554202f20485454502f312e310d0a");
        assertThat(TlsFailures.rootMessage(http)).isEqualTo("not a TLS record (HTTP sent to the TLS port)");
        assertThat(TlsFailures.rootMessage(new NotSslRecordException("not an SSL/TLS record: 0102030405060708090a0b")))
                .isEqualTo("not a TLS record (the client does not speak TLS)");
    }

    @Test
    void otherFailuresKeepTheirReasonWithoutHexOrLength() {
        Throwable alert = new DecoderException(new SSLHandshakeException("Received fatal alert: certificate_unknown"));
        assertThat(TlsFailures.rootMessage(alert)).isEqualTo("Received fatal alert: certificate_unknown");
        Throwable dump = new SSLHandshakeException("bad record " + "ab".repeat(40) + " " + "x".repeat(300));
        assertThat(TlsFailures.rootMessage(dump)).startsWith("bad record … x").doesNotContain("abab").hasSize(201);
    }
}
