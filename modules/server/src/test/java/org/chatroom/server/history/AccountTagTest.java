package org.chatroom.server.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatroom.server.history.HistoryQueries.batch;

import java.util.List;
import java.util.Map;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.server.support.ChatServerExtension;
import org.chatroom.server.support.IrcTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** IRCv3 account-tag: account= on messages of logged-in users, live and from history, for clients that asked. */
@Timeout(90)
class AccountTagTest {
    @RegisterExtension
    final ChatServerExtension fx = ChatServerExtension.plain().with(Map.of("flood.rate", "0"));

    @Test
    void messagesOfLoggedInUsersCarryTheirAccount() throws Exception {
        fx.start();
        HistoryFixture.account(fx, "alice", "pw-a");
        IrcTestClient alice = HistoryFixture.connect(fx, "alice", "", "pw-a");
        IrcTestClient tagOnly = HistoryFixture.connect(fx, "bob", "account-tag", null);
        IrcTestClient timed = HistoryFixture.connect(fx, "carol", "account-tag server-time batch draft/chathistory", null);
        IrcTestClient none = fx.user("dave");
        alice.send("PRIVMSG #lobby :signed");
        none.send("PRIVMSG #lobby :unsigned");
        tagOnly.awaitContains("unsigned");
        assertThat(tagOnly.awaitContains(":signed")).startsWith("@account=alice :alice!");
        assertThat(tagOnly.awaitContains(":unsigned")).startsWith(":dave!");
        assertThat(timed.awaitContains(":signed")).matches("@time=[^ ;]+;account=alice :alice!.*");
        assertThat(none.awaitContains(":signed")).startsWith(":alice!");
        List<IrcMessage> played = batch(timed, "CHATHISTORY LATEST #lobby * 10");
        assertThat(played.stream().filter(m -> m.last().equals("signed")).findFirst().orElseThrow().tags())
                .containsEntry("account", "alice");
        assertThat(played.stream().filter(m -> m.last().equals("unsigned")).findFirst().orElseThrow().tags())
                .doesNotContainKey("account");
    }
}
