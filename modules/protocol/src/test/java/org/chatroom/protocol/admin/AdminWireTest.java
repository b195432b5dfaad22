package org.chatroom.protocol.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdminWireTest {

    @Test
    void statusLinesRoundTrip() {
        assertThat(AdminWire.parseStatus(AdminWire.statusLine(0, null))).isEqualTo(new AdminWire.Status(0, ""));
        String err = AdminWire.statusLine(AdminWire.CANT, "no such nick\nbob");
        assertThat(err).isEqualTo("ERR 300 no such nick bob");
        assertThat(AdminWire.parseStatus(err)).isEqualTo(new AdminWire.Status(300, "no such nick bob"));
    }

    @Test
    void malformedStatusLinesAreNull() {
        assertThat(AdminWire.parseStatus("ERR x00 odd")).isNull();
        assertThat(AdminWire.parseStatus("ERR 1000 odd")).isNull();
        assertThat(AdminWire.parseStatus("hello")).isNull();
    }

    @Test
    void accessDeniedAndUsageAreKnownByCodeAndPrefix() {
        AdminWire.Status denied = AdminWire.parseStatus(AdminWire.statusLine(AdminWire.CLOSING,
                AdminWire.ACCESS_DENIED + ": only the daemon's user may use this socket"));
        assertThat(denied.accessDenied()).isTrue();
        assertThat(AdminWire.parseStatus("ERR 500 server shutting down").accessDenied()).isFalse();
        assertThat(AdminWire.parseStatus("ERR 104 too few arguments").usageError()).isTrue();
        assertThat(AdminWire.TEXT_FIELDS).contains("reason", "topic", "text");
    }
}
