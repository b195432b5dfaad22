package org.chatroom.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameRulesTest {

    @Test
    void acceptsUsualNicks() {
        assertThat(NameRules.isValidNick("alice", 30)).isTrue();
        assertThat(NameRules.isValidNick("[away]bob_2", 30)).isTrue();
        assertThat(NameRules.isValidNick("`x|y^", 30)).isTrue();
    }

    @Test
    void rejectsBadNicksWithReason() {
        assertThat(NameRules.nickProblem("", 30)).contains("empty");
        assertThat(NameRules.nickProblem("1abc", 30)).contains("start");
        assertThat(NameRules.nickProblem("-abc", 30)).contains("start");
        assertThat(NameRules.nickProblem("#abc", 30)).contains("start");
        assertThat(NameRules.nickProblem("a b", 30)).contains("only");
        assertThat(NameRules.nickProblem("a!b", 30)).contains("only");
        assertThat(NameRules.nickProblem("abcdef", 5)).contains("longer than 5");
        assertThat(NameRules.nickProblem("élan", 30)).isNotNull();
    }

    @Test
    void checksRoomNames() {
        assertThat(NameRules.isValidRoom("#lobby", 50)).isTrue();
        assertThat(NameRules.isValidRoom("#über-raum", 50)).isTrue();
        assertThat(NameRules.roomProblem("lobby", 50)).contains("start with '#'");
        assertThat(NameRules.roomProblem("#", 50)).isNotNull();
        assertThat(NameRules.roomProblem("#a,b", 50)).isNotNull();
        assertThat(NameRules.roomProblem("#a\u0007", 50)).isNotNull();
        assertThat(NameRules.roomProblem("#abcdef", 5)).contains("longer than 5");
        assertThat(NameRules.isRoomName("#x")).isTrue();
        assertThat(NameRules.isRoomName("bob")).isFalse();
    }

    @Test
    void rfc1459CaseMappingFoldsBrackets() {
        assertThat(CaseMapping.RFC1459.fold("Nick[A]\\~")).isEqualTo("nick{a}|^");
        assertThat(CaseMapping.ASCII.fold("Nick[A]")).isEqualTo("nick[a]");
        assertThat(CaseMapping.RFC1459.equals("ALICE{}", "alice[]")).isTrue();
    }

    @Test
    void ctcpActionRoundTrips() {
        String text = Ctcp.action("waves");
        assertThat(Ctcp.isAction(text)).isTrue();
        assertThat(Ctcp.actionText(text)).isEqualTo("waves");
        assertThat(Ctcp.isAction("hello")).isFalse();
    }
}
