package org.chatroom.swing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Whether the desktop prefers a dark look: the GTK theme or GNOME's colour scheme on Linux, the
 * registry on Windows, {@code AppleInterfaceStyle} on macOS. Asked once, off the EDT (it may run a
 * short command), and remembered.
 */
final class SystemDarkMode {
    private final Map<String, String> env;
    private final String os;
    private volatile Boolean dark;

    SystemDarkMode(Map<String, String> env, String os) {
        this.env = env;
        this.os = os.toLowerCase(Locale.ROOT);
    }

    static SystemDarkMode current() {
        return new SystemDarkMode(System.getenv(), System.getProperty("os.name", ""));
    }

    /** A fixed answer, for tests. */
    static SystemDarkMode fixed(boolean dark) {
        SystemDarkMode m = new SystemDarkMode(Map.of(), "");
        m.dark = dark;
        return m;
    }

    boolean isDark() {
        Boolean d = dark;
        if (d == null) {
            d = detect();
            dark = d;
        }
        return d;
    }

    private boolean detect() {
        if (os.contains("mac")) {
            return run(List.of("defaults", "read", "-g", "AppleInterfaceStyle")).toLowerCase(Locale.ROOT).contains("dark");
        }
        if (os.contains("win")) {
            return windowsDark(run(List.of("reg", "query",
                    "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize", "/v", "AppsUseLightTheme")));
        }
        String gtk = env.getOrDefault("GTK_THEME", "");
        if (!gtk.isEmpty()) {
            return gtk.toLowerCase(Locale.ROOT).contains("dark");
        }
        if (env.get("DISPLAY") == null && env.get("WAYLAND_DISPLAY") == null) {
            return false;
        }
        String scheme = run(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"));
        if (scheme.contains("dark")) {
            return true;
        }
        return run(List.of("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme")).toLowerCase(Locale.ROOT).contains("dark");
    }

    /** {@code AppsUseLightTheme REG_DWORD 0x0} means dark. */
    static boolean windowsDark(String regOutput) {
        return regOutput.matches("(?s).*AppsUseLightTheme\\s+REG_DWORD\\s+0x0+\\s*.*");
    }

    /** The command's standard output, or "" when it is missing, fails or takes more than two seconds. */
    private static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "";
            }
            try (InputStream in = p.getInputStream()) {
                String out = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
                return p.exitValue() == 0 ? out : "";
            }
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
