package org.chatroom.swing;

import org.chatroom.client.ReconnectPolicy;

/** {@code bin/chat-gui.sh} runs this. Everything else is in {@link GuiApp}. */
public final class Main {
    private static final String LOG_CONFIG = "log4j2.configurationFile";
    /** java.util.prefs announces its first directory on stderr through java.util.logging: not for users. */
    private static final java.util.logging.Logger PREFS_LOG = java.util.logging.Logger.getLogger("java.util.prefs");

    private Main() {
    }

    public static void main(String[] args) {
        if (System.getProperty(LOG_CONFIG) == null) {
            // before any logger exists: warnings and errors to stderr, nothing else (see the resource)
            System.setProperty(LOG_CONFIG, "org/chatroom/swing/log4j2-gui.xml");
        }
        PREFS_LOG.setLevel(java.util.logging.Level.WARNING);
        GuiApp app = new GuiApp(System.out, System.err, GuiPreferences.user(), SystemDarkMode.current(),
                ReconnectPolicy.DEFAULT);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> app.leaveOnShutdown(java.time.Duration.ofSeconds(3)),
                "chat-gui-shutdown"));
        System.exit(app.launch(args).join());
    }
}
