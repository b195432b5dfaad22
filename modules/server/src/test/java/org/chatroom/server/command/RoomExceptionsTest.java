package org.chatroom.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Room modes +e, +I, +C, STATUSMSG targets and INVITE past +l, through the core. */
@Timeout(30)
class RoomExceptionsTest {
    private CoreHarness core;
    private CoreHarness.Peer op;
    private CoreHarness.Peer eve;

    @BeforeEach
    void start() throws Exception {
        core = new CoreHarness(Map.of("room.default.autojoin", "false"), 2);
        op = core.register("op", 0);
        eve = core.register("eve", 1);
        op.send("JOIN #r");
        op.await(l -> l.contains(" 366 op #r "));
    }

    @AfterEach
    void close() {
        core.close();
    }

    private void joinEve() {
        eve.send("JOIN #r");
        op.await(l -> l.startsWith(":eve!") && l.endsWith("JOIN #r"));
    }

    @Test
    void aBanExceptionLetsAMatchingUserJoinAndSpeak() throws Exception {
        op.send("MODE #r +b *!*@127.0.0.1");
        op.send("MODE #r +e eve!*@*");
        op.await(l -> l.endsWith("MODE #r +e :eve!*@*"));
        joinEve();
        eve.send("PRIVMSG #r :still here");
        op.await(l -> l.endsWith("PRIVMSG #r :still here"));
        op.send("MODE #r -e eve!*@*");
        op.await(l -> l.endsWith("MODE #r -e :eve!*@*"));
        eve.send("PRIVMSG #r :muted now");
        eve.await(l -> l.contains(" 404 eve #r "));
        op.send("MODE #r e");
        op.send("MODE #r +e x!*@*");
        op.send("MODE #r e");
        op.await(l -> l.contains(" 348 op #r x!*@* op "));
        assertThat(op.lines()).contains(":chat.localhost 349 op #r :End of channel exception list");
    }

    @Test
    void anInviteExceptionPassesInviteOnlyAndIsListed() throws Exception {
        op.send("MODE #r +i");
        op.sync();
        eve.send("JOIN #r");
        eve.await(l -> l.contains(" 473 eve #r "));
        op.send("MODE #r +I *!~eve@*");
        op.send("MODE #r I");
        op.await(l -> l.contains(" 347 op #r :End of channel invite exception list"));
        assertThat(op.lines()).anyMatch(l -> l.contains(" 346 op #r *!~eve@* op "));
        joinEve();
    }

    @Test
    void noCtcpRefusesCtcpButLetsActionsThrough() throws Exception {
        joinEve();
        op.send("MODE #r +C");
        op.await(l -> l.endsWith("MODE #r :+C"));
        eve.send("PRIVMSG #r :\u0001VERSION\u0001");
        eve.await(l -> l.contains(" 404 eve #r :Cannot send CTCP to channel (+C)"));
        eve.send("PRIVMSG #r :\u0001ACTION waves\u0001");
        op.await(l -> l.endsWith("PRIVMSG #r :\u0001ACTION waves\u0001"));
        assertThat(op.lines()).noneMatch(l -> l.contains("VERSION"));
        op.send("MODE #r");
        op.await(l -> l.contains(" 324 op #r :+Cnt"));
    }

    @Test
    void statusMessagesReachOnlyTheStandingTheyName() throws Exception {
        CoreHarness.Peer voiced = core.register("voiced", 1);
        joinEve();
        voiced.send("JOIN #r");
        op.await(l -> l.startsWith(":voiced!") && l.endsWith("JOIN #r"));
        op.send("MODE #r +v voiced");
        op.await(l -> l.endsWith("MODE #r +v :voiced"));
        eve.send("PRIVMSG @#r :ops only");
        eve.send("NOTICE +#r :voice and up");
        op.await(l -> l.equals(":eve!~eve@127.0.0.1 PRIVMSG @#r :ops only"));
        op.await(l -> l.equals(":eve!~eve@127.0.0.1 NOTICE +#r :voice and up"));
        voiced.await(l -> l.endsWith("NOTICE +#r :voice and up"));
        core.drainAll();
        assertThat(voiced.lines()).noneMatch(l -> l.contains("ops only"));
        assertThat(eve.lines()).noneMatch(l -> l.contains("ops only") || l.contains("voice and up"));
    }

    @Test
    void anInvitationIsASeatInAFullRoom() throws Exception {
        op.send("MODE #r +l 1");
        op.sync();
        eve.send("JOIN #r");
        eve.await(l -> l.contains(" 471 eve #r "));
        op.send("INVITE eve #r");
        eve.await(l -> l.endsWith("INVITE eve :#r"));
        joinEve();
    }

    @Test
    void theTokensSayWhatTheRoomsDo() {
        assertThat(Welcome.isupport(core.context.config())).contains("CHANMODES=beI,k,l,Cimnrst", "EXCEPTS=e", "INVEX=I",
                "STATUSMSG=@+", "BOT=B");
    }
}
