package org.chatroom.server.config;

import java.util.function.Function;

/**
 * One configuration key: its name, its default as written in the properties file, a one-line
 * description, whether a running server can apply a change to it, and how its text becomes a value.
 */
public record ConfigKey<T>(String name, String defaultValue, String description, boolean reloadable,
                           Function<String, T> parser) {

    /** Parses {@code text}; a bad value raises a {@link ConfigException} naming this key. */
    public T parse(String text) {
        try {
            return parser.apply(text.strip());
        } catch (IllegalArgumentException e) {
            throw ConfigException.badValue(name, text, e.getMessage());
        }
    }
}
