package org.chatroom.swing;

import org.chatroom.client.ReconnectPolicy;

/** {@code bin/chat-gui.sh} runs this. Everything else is in {@link GuiApp}. */
public final class Main {
    private static final String LOG_CONFIG = "log4j2.configurationFile";

    private Main() {
    }

    public static void main(String[] args) {
        if (System.getProperty(LOG_CONFIG) == null) {
            // before any logger exists: warnings and errors to stderr, nothing else (see the resource)
            System.setProperty(LOG_CONFIG, "org/chatroom/swing/log4j2-gui.xml");
        }
        GuiApp app = new GuiApp(System.out, System.err, GuiPreferences.user(), SystemDarkMode.current(),
                ReconnectPolicy.DEFAULT);
        System.exit(app.launch(args).join());
    }
}
