package org.chatroom.swing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CertificatePinsTest {
    private final Preferences node = Preferences.userRoot()
            .node("org/chatroom/swing-pins-test-" + ProcessHandle.current().pid());

    @AfterEach
    void removeNode() throws Exception {
        node.removeNode();
        node.flush();
    }

    @Test
    void pinsArePerServerCanonicalAndSurviveANewInstance() {
        new CertificatePins(node).pin("chat.example:6697", "ab".repeat(32));
        CertificatePins again = new CertificatePins(node);
        assertThat(again.pinned("chat.example:6697")).contains(("AB:".repeat(32)).substring(0, 95));
        assertThat(again.pinned("chat.example:7000")).isEmpty();
        assertThat(again.pinned("other:6697")).isEmpty();
    }

    @Test
    void aDamagedEntryCountsAsNone() {
        node.put("chat.example:6697", "not a fingerprint");
        assertThat(new CertificatePins(node).pinned("chat.example:6697")).isEmpty();
    }
}
