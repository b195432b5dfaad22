package org.chatroom.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Room mode +s: "@" in NAMES, and hidden from NAMES, WHO and WHOIS for anyone outside. */
@Timeout(30)
class SecretRoomTest {
    private CoreHarness core;
    private CoreHarness.Peer op;
    private CoreHarness.Peer stranger;

    @BeforeEach
    void secretRoom() throws Exception {
        core = new CoreHarness(Map.of("room.default.autojoin", "false"), 2);
        op = core.register("op", 0);
        stranger = core.register("stranger", 1);
        op.send("JOIN #hid");
        op.send("MODE #hid +s");
        op.await(l -> l.equals(":op!~op@127.0.0.1 MODE #hid :+s"));
    }

    @AfterEach
    void close() {
        core.close();
    }

    @Test
    void namesShowsTheSecretSymbolToMembersAndNothingToOthers() throws Exception {
        op.send("NAMES #hid");
        op.await(l -> l.equals(":chat.localhost 353 op @ #hid :@op"));
        op.send("MODE #hid");
        op.await(l -> l.equals(":chat.localhost 324 op #hid :+nst"));
        stranger.send("NAMES #hid");
        stranger.await(l -> l.contains(" 366 stranger #hid "));
        assertThat(stranger.lines()).noneMatch(l -> l.contains(" 353 "));
        op.send("MODE #hid -s");
        op.send("NAMES #hid");
        op.await(l -> l.equals(":chat.localhost 353 op = #hid :@op"));
    }

    @Test
    void whoAndWhoisHideTheRoomFromOutsiders() throws Exception {
        stranger.send("WHO #hid");
        stranger.await(l -> l.contains(" 315 stranger #hid "));
        stranger.send("WHOIS op");
        stranger.await(l -> l.contains(" 318 stranger op "));
        assertThat(stranger.lines()).noneMatch(l -> l.contains(" 352 ")).noneMatch(l -> l.contains(" 319 "));
        op.send("WHOIS op");
        op.await(l -> l.equals(":chat.localhost 319 op op :@#hid"));
    }
}
