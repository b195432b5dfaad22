package org.chatroom.server.config;

/**
 * An operator's mistake in the configuration. The message is one line that names the source,
 * the key, the value and what is allowed, e.g. {@code conf/chat-server.properties: port=70000 is out
 * of range (0-65535)}. No stack trace is ever shown for it.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message, null, false, false);
    }

    /** A bad value for {@code key}; {@code problem} reads after "key=value ", e.g. "is out of range (1-10)". */
    public static ConfigException badValue(String key, String value, String problem) {
        return new ConfigException(key + "=" + value + " " + problem);
    }

    /** The same problem, prefixed with where the value came from. */
    public ConfigException in(String source) {
        return new ConfigException(source + ": " + getMessage());
    }
}
