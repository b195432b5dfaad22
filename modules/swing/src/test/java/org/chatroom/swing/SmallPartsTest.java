package org.chatroom.swing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.chatroom.client.DisconnectCause;
import org.chatroom.client.NickHash;
import org.chatroom.client.ServerCertificate;
import org.junit.jupiter.api.Test;

class SmallPartsTest {

    @Test
    void historyRecallsUpAndDownAndRestoresTheDraft() {
        InputHistory h = new InputHistory(3);
        h.add("one");
        h.add("two");
        h.add("two");
        h.add("three");

        assertThat(h.previous("typing")).isEqualTo("three");
        assertThat(h.previous("three")).isEqualTo("two");
        assertThat(h.previous("two")).isEqualTo("one");
        assertThat(h.previous("one")).isNull();
        assertThat(h.next()).isEqualTo("two");
        assertThat(h.next()).isEqualTo("three");
        assertThat(h.next()).isEqualTo("typing");
        assertThat(h.next()).isNull();
        h.add("four");
        assertThat(h.entries()).containsExactly("two", "three", "four");
    }

    @Test
    void linksAreFoundWithoutTrailingPunctuation() {
        List<LinkFinder.Link> links = LinkFinder.find("see https://example.org/a?b=1, and www.chat.test. (http://x.test/y)");

        assertThat(links).extracting(LinkFinder.Link::url)
                .containsExactly("https://example.org/a?b=1", "https://www.chat.test", "http://x.test/y");
        assertThat(LinkFinder.find("no links here, just www. and http")).isEmpty();
        assertThat(LinkFinder.find("https://en.wikipedia.org/wiki/Foo_(bar)")).extracting(LinkFinder.Link::url)
                .containsExactly("https://en.wikipedia.org/wiki/Foo_(bar)");
    }

    @Test
    void nickColoursAreStableAndIgnoreCase() {
        assertThat(Palette.LIGHT.nick("alice")).isEqualTo(Palette.LIGHT.nick("ALICE"));
        long distinct = List.of("alice", "bob", "carol", "dave", "erin", "frank", "gina", "heidi").stream()
                .map(Palette.DARK::nick).distinct().count();
        assertThat(distinct).isGreaterThan(4);
        assertThat(Palette.LIGHT.nick("bob")).isEqualTo(Palette.LIGHT.nicks()[NickHash.index("bob", 12)]);
        assertThat(Palette.LIGHT.nicks()).hasSameSizeAs(Palette.DARK.nicks());
    }

    @Test
    void membersSortOperatorsFirstThenByNickAndRenameKeepsTheirStatus() {
        Conversation c = new Conversation(Conversation.Type.ROOM, "#lobby", 10);
        c.setMembers(List.of("zed", "@bob", "Alice", "+carol"));
        assertThat(c.members()).containsExactly("@bob", "+carol", "Alice", "zed");
        c.renameMember("BOB", "robert");
        assertThat(c.members()).startsWith("@robert");
        assertThat(c.hasMember("ROBERT")).isTrue();
    }

    @Test
    void conversationDropsTheOldestLinePastItsCap() {
        Conversation c = new Conversation(Conversation.Type.ROOM, "#lobby", 2);
        assertThat(c.add(new ChatLine(Instant.EPOCH, LineKind.INFO, null, "a"))).isZero();
        c.add(new ChatLine(Instant.EPOCH, LineKind.INFO, null, "b"));
        assertThat(c.add(new ChatLine(Instant.EPOCH, LineKind.INFO, null, "c"))).isEqualTo(1);
        assertThat(c.lines()).extracting(ChatLine::text).containsExactly("b", "c");
    }

    @Test
    void connectProblemsAreSaidInPlainWords() {
        assertThat(ConnectProblems.describe("h:1", "cannot connect to h:1: Connect timed out", null))
                .isEqualTo("h:1 did not answer in time. Check the host name and port.");
        assertThat(ConnectProblems.describe("h:1", "You are banned (spam)", DisconnectCause.BANNED))
                .isEqualTo("This server has banned you: You are banned (spam).");
        assertThat(ConnectProblems.describe("h:1", "login to account hana failed: wrong account name or password",
                DisconnectCause.LOGIN_FAILED)).isEqualTo("Login to account hana failed: wrong account name or password. "
                + "Check the password, or clear it to chat without an account.");
        assertThat(ConnectProblems.describe("h:1", "cannot connect to h:1: Remote host terminated the handshake", null))
                .startsWith("The secure (TLS) connection to h:1 failed.");
        assertThat(ConnectProblems.describe("h:1", "cannot connect to h:1: odd", null)).isEqualTo("Could not connect to h:1: odd.");
        assertThat(ConnectProblems.describe("h:1", "cannot connect to h:1: PKIX path building failed", null))
                .contains("certificate this computer does not trust");
        assertThat(ConnectProblems.describe("h:1", "cannot connect to h:1: the server's certificate is not trusted "
                + "(plain text sent to a TLS port? SHA-256 AB:CD)", DisconnectCause.UNTRUSTED_CERTIFICATE))
                .startsWith("The server h:1 presented a certificate this computer does not trust: ")
                .contains("SHA-256 AB:CD")
                .doesNotContain("TLS) connection");
        assertThat(ConnectProblems.unknownHost("nope.invalid")).contains("Unknown host \"nope.invalid\"");
        // started from the command line, the client's own reason is said as the login dialog says it
        assertThat(ConnectProblems.describe("nope.invalid:6667", "cannot connect to nope.invalid:6667: unknown host "
                + "\"nope.invalid\"; check the spelling of the server name", null))
                .isEqualTo("Unknown host \"nope.invalid\". Check the spelling of the server name.");
    }

    @Test
    void darkModeFollowsGtkThemeAndTheWindowsRegistry() {
        assertThat(new SystemDarkMode(Map.of("GTK_THEME", "Adwaita:dark"), "Linux").isDark()).isTrue();
        assertThat(new SystemDarkMode(Map.of("GTK_THEME", "Adwaita"), "Linux").isDark()).isFalse();
        assertThat(new SystemDarkMode(Map.of(), "Linux").isDark()).isFalse();
        assertThat(SystemDarkMode.windowsDark("    AppsUseLightTheme    REG_DWORD    0x0\r\n")).isTrue();
        assertThat(SystemDarkMode.windowsDark("    AppsUseLightTheme    REG_DWORD    0x1\r\n")).isFalse();
        assertThat(Theme.DARK.dark(SystemDarkMode.fixed(false))).isTrue();
        assertThat(Theme.SYSTEM.dark(SystemDarkMode.fixed(true))).isTrue();
        assertThat(Theme.parse("nonsense")).isEqualTo(Theme.SYSTEM);
    }

    @Test
    void tabTitlesShowUnreadCounts() {
        Conversation c = new Conversation(Conversation.Type.ROOM, "#a<b", 10);
        assertThat(ConversationTabs.title(c)).isEqualTo("#a<b");
        c.markUnread(false);
        c.markUnread(true);
        assertThat(ConversationTabs.title(c)).contains("<b>#a&lt;b</b>").contains("(2)").contains("#e5534b");
    }

    @Test
    void certificateDialogShowsSubjectSelfSignedAndFingerprintAndAsks() {
        String sha = "AB:".repeat(31) + "<C";
        String text = CertificateDialog.message("chat.example:6697", new ServerCertificate("CN=chat.example",
                "CN=chat.example", List.of("chat.example"), Instant.parse("2027-01-01T00:00:00Z"), true, sha));
        assertThat(text).contains("chat.example:6697 presented a certificate this computer does not trust",
                "Subject: CN=chat.example", "Self-signed: yes", "Valid for: chat.example",
                "AB:".repeat(16) + "<br>", "&lt;C", "Trust this certificate?");
        String issued = CertificateDialog.message("h:1", new ServerCertificate("CN=h", "CN=Some CA", List.of(),
                Instant.parse("2027-01-01T00:00:00Z"), false, "AB:".repeat(31) + "CD"));
        assertThat(issued).contains("Issued by: CN=Some CA").doesNotContain("Self-signed", "Valid for");
    }
}
