package org.chatroom.server.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The daemon's configuration: every key of {@link ServerConfigKeys} parsed and validated, immutable.
 * Values are read with {@code get(ServerConfigKeys.PORT)}; relative paths are resolved against the
 * install folder with {@link #path}. Built only by {@link ServerConfigLoader}.
 */
public final class ServerConfig {
    private final Map<String, String> raw;
    private final Map<ConfigKey<?>, Object> values;
    private final Path home;
    private final String source;
    private final Set<String> masked;

    ServerConfig(Map<String, String> raw, Path home, String source) {
        this(raw, home, source, Set.of());
    }

    private ServerConfig(Map<String, String> raw, Path home, String source, Set<String> masked) {
        this.raw = Collections.unmodifiableMap(new LinkedHashMap<>(raw));
        this.home = home;
        this.source = source;
        this.masked = Collections.unmodifiableSet(new java.util.LinkedHashSet<>(masked));
        Map<ConfigKey<?>, Object> parsed = new HashMap<>();
        for (ConfigKey<?> key : ServerConfigKeys.all().values()) {
            parsed.put(key, key.parse(raw.get(key.name())));
        }
        this.values = parsed;
        checkConsistency();
    }

    /** The built-in defaults, with {@code overrides} (key to text) on top; home is the working folder. */
    public static ServerConfig defaults(Map<String, String> overrides) {
        return ServerConfigLoader.fromMap(overrides, Path.of(""), "defaults");
    }

    /** The same settings with relative paths resolved against {@code newHome}. */
    public ServerConfig withHome(Path newHome) {
        return new ServerConfig(raw, newHome, source, masked);
    }

    /** The same settings, noting the keys the file sets that the command line overrides. */
    ServerConfig masking(Set<String> keys) {
        return new ServerConfig(raw, home, source, keys);
    }

    /** Keys the file sets whose value the command line overrides (checked, but not in effect). */
    public Set<String> masked() {
        return masked;
    }

    @SuppressWarnings("unchecked")
    public <T> T get(ConfigKey<T> key) {
        return (T) Objects.requireNonNull(values.get(key), key.name());
    }

    /** A path-valued key, resolved against the install folder. */
    public Path path(ConfigKey<Path> key) {
        return home.resolve(get(key)).toAbsolutePath().normalize();
    }

    public int port() {
        return get(ServerConfigKeys.PORT);
    }

    /** Every key and its text, defaults included, in file order. */
    public Map<String, String> raw() {
        return raw;
    }

    public Path home() {
        return home;
    }

    /** Where this configuration came from, for messages: a file name or "defaults". */
    public String source() {
        return source;
    }

    /** Rules that tie two keys together, checked once all are parsed. */
    private void checkConsistency() {
        int room = get(ServerConfigKeys.DEFAULT_ROOM).length();
        if (room > get(ServerConfigKeys.ROOM_LENGTH)) {
            throw ConfigException.badValue(ServerConfigKeys.DEFAULT_ROOM.name(), get(ServerConfigKeys.DEFAULT_ROOM),
                    "is longer than limit.room.length=" + get(ServerConfigKeys.ROOM_LENGTH));
        }
    }
}
