package org.chatroom.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One IRC message: optional IRCv3 tags, optional source, a command and its parameters.
 * Immutable. {@link #parse(String)} reads a line without its CRLF; {@link #toLine()} writes one.
 *
 * @param tags    message tags in wire order; a tag without a value maps to the empty string
 * @param source  the prefix without its colon ({@code nick!user@host} or a server name), or null
 * @param command the command upper-cased, or a three-digit numeric
 * @param params  the parameters; the last may contain spaces
 */
public record IrcMessage(Map<String, String> tags, String source, String command, List<String> params) {

    public IrcMessage {
        if (command == null || command.isEmpty()) {
            throw new IllegalArgumentException("command is empty");
        }
        tags = tags == null || tags.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        params = List.copyOf(params);
    }

    /** A message without tags or source. */
    public static IrcMessage of(String command, String... params) {
        return new IrcMessage(Map.of(), null, command, List.of(params));
    }

    /** A message from {@code source} without tags. */
    public static IrcMessage from(String source, String command, String... params) {
        return new IrcMessage(Map.of(), source, command, List.of(params));
    }

    /** Parses one line (CR/LF already removed). Throws only {@link IrcParseException}. */
    public static IrcMessage parse(String line) {
        return IrcMessageParser.parse(line);
    }

    public IrcMessage withTags(Map<String, String> newTags) {
        return new IrcMessage(newTags, source, command, params);
    }

    public IrcMessage withSource(String newSource) {
        return new IrcMessage(tags, newSource, command, params);
    }

    /** Parameter {@code index}, or null when there are fewer. */
    public String param(int index) {
        return index < params.size() ? params.get(index) : null;
    }

    /** The last parameter, or null when there is none. */
    public String last() {
        return params.isEmpty() ? null : params.get(params.size() - 1);
    }

    /** The nick part of the source ({@code nick!user@host} → {@code nick}), or null. */
    public String sourceNick() {
        return source == null ? null : Prefix.parse(source).nick();
    }

    public boolean isNumeric() {
        return command.length() == 3 && Character.isDigit(command.charAt(0));
    }

    /** The wire form without CRLF. */
    public String toLine() {
        return IrcMessageFormatter.format(this);
    }

    @Override
    public String toString() {
        return toLine();
    }
}
