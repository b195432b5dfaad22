package org.chatroom.server.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;

/**
 * Builds a {@link ServerConfig} from defaults, then a properties file, then command-line overrides,
 * rejecting unknown keys (with a "did you mean") and bad values with one line naming the source.
 */
public final class ServerConfigLoader {
    private ServerConfigLoader() {
    }

    /** Loads {@code file} (UTF-8 properties) with {@code overrides} on top; relative paths resolve against {@code home}. */
    public static ServerConfig load(Path file, Map<String, String> overrides, Path home) {
        Map<String, String> merged = new LinkedHashMap<>(defaults());
        String source = file.toString();
        Set<String> masked = new LinkedHashSet<>();
        try {
            readFile(file).forEach((k, v) -> {
                merged.put(checkKnown(k), v);
                if (overrides.containsKey(k)) {
                    masked.add(k);
                    checkMasked(ServerConfigKeys.all().get(k), v);
                }
            });
        } catch (ConfigException e) {
            throw e.in(source);
        }
        return build(merged, overrides, home, source).masking(masked);
    }

    /**
     * A value the command line overrides is checked all the same: otherwise a mistake in the file
     * shows only on the day the daemon starts without the override.
     */
    private static void checkMasked(ConfigKey<?> key, String value) {
        try {
            key.parse(value);
        } catch (ConfigException e) {
            throw new ConfigException(e.getMessage() + " (the command line overrides " + key.name()
                    + ", but the file is checked too)");
        }
    }

    /** Defaults with {@code overrides} on top, no file: for tests and embedding. */
    public static ServerConfig fromMap(Map<String, String> overrides, Path home, String source) {
        return build(new LinkedHashMap<>(defaults()), overrides, home, source);
    }

    /** Applies overrides, then parses every key; errors name the command line or the file. */
    private static ServerConfig build(Map<String, String> merged, Map<String, String> overrides, Path home,
                                      String source) {
        try {
            overrides.forEach((k, v) -> merged.put(checkKnown(k), v));
        } catch (ConfigException e) {
            throw e.in("command line");
        }
        try {
            return new ServerConfig(merged, home, source);
        } catch (ConfigException e) {
            boolean fromOverride = overrides.keySet().stream().anyMatch(k -> e.getMessage().startsWith(k + "="));
            throw e.in(fromOverride ? "command line" : source);
        }
    }

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        ServerConfigKeys.all().values().forEach(k -> d.put(k.name(), k.defaultValue()));
        return d;
    }

    private static Map<String, String> readFile(Path file) {
        Properties p = new Properties();
        try (Reader r = new java.io.InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder())) {
            p.load(r);
        } catch (NoSuchFileException e) {
            throw new ConfigException("no such file (give another with --config FILE)");
        } catch (CharacterCodingException e) {
            throw new ConfigException("is not UTF-8 text");
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("cannot be read: " + e.getMessage());
        }
        Map<String, String> out = new LinkedHashMap<>();
        p.stringPropertyNames().stream().sorted().forEach(k -> out.put(k, p.getProperty(k)));
        return out;
    }

    private static String checkKnown(String key) {
        if (ServerConfigKeys.all().containsKey(key)) {
            return key;
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String known : ServerConfigKeys.all().keySet()) {
            int d = editDistance(key, known);
            if (d < bestDistance) {
                bestDistance = d;
                best = known;
            }
        }
        String hint = bestDistance <= Math.max(2, key.length() / 3) ? " (did you mean '" + best + "'?)" : "";
        throw new ConfigException("unknown key '" + key + "'" + hint);
    }

    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
