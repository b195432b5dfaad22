package org.chatroom.swing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;

/** The tests' preferences (logins, pinned certificates) live under target/, not in the user's ~/.java. */
class TestPreferencesTest {

    @Test
    void preferencesAreWrittenUnderTarget() throws Exception {
        String root = System.getProperty("java.util.prefs.userRoot");
        assertThat(root).as("java.util.prefs.userRoot").isNotNull();
        Path dir = Path.of(root).toAbsolutePath();
        assertThat(dir.toString()).contains("target");
        Preferences node = Preferences.userRoot().node("org/chatroom/prefs-location-test-" + ProcessHandle.current().pid());
        try {
            node.put("k", "v");
            node.flush();
            try (var files = Files.walk(dir)) {
                assertThat(files.anyMatch(p -> p.toString().contains("prefs-location-test-"))).isTrue();
            }
        } finally {
            node.removeNode();
            Preferences.userRoot().flush();
        }
    }
}
