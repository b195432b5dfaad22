package org.chatroom.console;

import java.io.Console;
import java.lang.reflect.Method;

/** {@code bin/chat-console.sh} runs this. Everything else is in {@link ConsoleApp}. */
public final class Main {
    private static final String LOG_CONFIG = "log4j2.configurationFile";

    private Main() {
    }

    public static void main(String[] args) {
        if (System.getProperty(LOG_CONFIG) == null) {
            // before any logger exists: warnings and errors to stderr, nothing else (see the resource)
            System.setProperty(LOG_CONFIG, "org/chatroom/console/log4j2-console.xml");
        }
        System.exit(new ConsoleApp(System.in, System.out, System.err, Main::isTerminal).run(args));
    }

    /** True when stdin and stdout are a terminal; JDK 22+ has a Console even when they are not. */
    static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method m = Console.class.getMethod("isTerminal");
            return (Boolean) m.invoke(console);
        } catch (NoSuchMethodException e) {
            return true; // JDK 17-21: a Console exists only for a terminal
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
