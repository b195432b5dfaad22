package org.chatroom.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyFormatterTest {

    @Test
    void freeTextFieldRunsToTheEndOfTheLine() {
        assertThat(ReplyFormatter.parseRow("room=#a members=2 topic_by=x topic=see a=b and c"))
                .containsExactly(java.util.Map.entry("room", "#a"), java.util.Map.entry("members", "2"),
                        java.util.Map.entry("topic_by", "x"), java.util.Map.entry("topic", "see a=b and c"));
    }

    @Test
    void rowsBecomeAnAlignedTableWithHumanUnits() {
        List<String> out = ReplyFormatter.format("list", List.of(
                "nick=alice user=~alice@10.0.0.1 addr=10.0.0.1:5000 rooms=#lobby,#dev since=2026-01-01T00:00:00Z age=3725 idle=4 msgs=12 tls=no",
                "nick=b user=~b@::1 addr=[::1]:6 rooms= since=2026-01-01T00:00:00Z age=90000 idle=61 msgs=0 tls=yes"));
        assertThat(out).containsExactly(
                "NICK   USER             ADDR           ROOMS        AGE    IDLE   MSGS  TLS",
                "alice  ~alice@10.0.0.1  10.0.0.1:5000  #lobby,#dev  1h02m  4s     12    no",
                "b      ~b@::1           [::1]:6        -            1d01h  1m01s  0     yes");
    }

    @Test
    void recordsAreTwoColumnsAndUnknownCommandsPassThrough() {
        assertThat(ReplyFormatter.format("stats", List.of("uptime=59", "heap_max=536870912", "users=3")))
                .containsExactly("uptime    59s", "heap_max  512.0 MiB", "users     3");
        assertThat(ReplyFormatter.format("say", List.of("sent to 2 users"))).containsExactly("sent to 2 users");
        assertThat(ReplyFormatter.format("bans", List.of())).containsExactly("no bans");
    }

    @Test
    void requestWordsAreQuotedOnlyWhenNeeded() {
        assertThat(RequestLine.of(List.of("kick", "troll", "spam \"links\"", "", "a\\b", "two\nlines")))
                .isEqualTo("kick troll \"spam \\\"links\\\"\" \"\" \"a\\\\b\" \"two lines\"");
    }
}
