package org.chatroom.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MaskTest {
    private static Mask mask(String text) {
        return Mask.of(text, CaseMapping.RFC1459);
    }

    @Test
    void bareNickBecomesNickMask() {
        assertThat(mask("Alice").pattern()).isEqualTo("Alice!*@*");
        assertThat(mask("Alice").matches("alice!u@127.0.0.1")).isTrue();
        assertThat(mask("Alice").matches("alicia!u@127.0.0.1")).isFalse();
    }

    @Test
    void addressBecomesHostMask() {
        assertThat(mask("192.0.2.7").pattern()).isEqualTo("*!*@192.0.2.7");
        assertThat(mask("192.0.2.*").matches("bob!b@192.0.2.99")).isTrue();
        assertThat(mask("::1").matches("bob!b@::1")).isTrue();
    }

    @Test
    void wildcardsMatch() {
        assertThat(mask("b?b!*@*").matches("bob!x@y")).isTrue();
        assertThat(mask("*!*@*.example").matches("n!u@a.b.example")).isTrue();
        assertThat(mask("*!*@*.example").matches("n!u@example")).isFalse();
    }

    @Test
    void pathologicalPatternStaysFast() {
        String p = "*a*a*a*a*a*a*a*a*a*a*a*a*a*b!*@*";
        assertThat(mask(p).matches("a".repeat(5000) + "!u@h")).isFalse();
    }

    @Test
    void rejectsBlankOrSpaced() {
        assertThatThrownBy(() -> mask(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> mask("a b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsMasksWithAnEmptyOrDoubledPart() {
        for (String bad : new String[] {"!!!@@@", "a!@h", "!u@h", "a!u@", "a@b!c", "a!b!c@d", "a!b@c@d"}) {
            assertThatThrownBy(() -> mask(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("nick!user@host");
        }
        assertThat(mask("*@host").pattern()).isEqualTo("*!*@host");
        assertThat(mask("*!*@*").pattern()).isEqualTo("*!*@*");
    }

    @Test
    void accountMasksMatchTheAccountOnlyAndNeverSomeoneNotLoggedIn() {
        Mask m = Mask.of("$a:Kim*", CaseMapping.RFC1459);
        assertThat(m.isAccountMask()).isTrue();
        assertThat(m.pattern()).isEqualTo("$a:Kim*");
        assertThat(m.matches("kim!~kim@host", "KIMBERLY")).isTrue();
        assertThat(m.matches("kim!~kim@host", "lee")).isFalse();
        assertThat(m.matches("kim!~kim@host", null)).isFalse();
        assertThat(m.matches("kim!~kim@host")).isFalse();
        assertThat(Mask.of("kim", CaseMapping.RFC1459).matches("kim!~kim@host", "other")).isTrue();
        assertThatThrownBy(() -> Mask.of("$a:", CaseMapping.RFC1459)).hasMessageContaining("$a:NAME");
    }

    @Test
    void globMatchesTakesThePatternAsWritten() {
        assertThat(Mask.globMatches("cool*", "CoolNick", CaseMapping.RFC1459)).isTrue();
        assertThat(Mask.globMatches("cool*", "nick", CaseMapping.RFC1459)).isFalse();
        assertThat(Mask.globMatches("*@127.0.0.?", "~u@127.0.0.1", CaseMapping.RFC1459)).isTrue();
    }
}
