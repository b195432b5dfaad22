package org.chatroom.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses the RFC 2812 grammar plus IRCv3 message tags. Lenient about repeated spaces. */
final class IrcMessageParser {
    /** RFC 2812: at most 14 middle parameters; anything after them is the trailing one. */
    static final int MAX_MIDDLE_PARAMS = 14;

    private IrcMessageParser() {
    }

    static IrcMessage parse(String line) {
        if (line == null) {
            throw new IrcParseException("empty line");
        }
        int len = line.length();
        int pos = skipSpaces(line, 0);
        if (pos == len) {
            throw new IrcParseException("empty line");
        }
        Map<String, String> tags = Map.of();
        if (line.charAt(pos) == '@') {
            int end = indexOfSpace(line, pos);
            tags = MessageTags.parse(line.substring(pos + 1, end));
            pos = skipSpaces(line, end);
        }
        String source = null;
        if (pos < len && line.charAt(pos) == ':') {
            int end = indexOfSpace(line, pos);
            source = line.substring(pos + 1, end);
            if (source.isEmpty()) {
                throw new IrcParseException("empty source after ':'");
            }
            pos = skipSpaces(line, end);
        }
        if (pos == len) {
            throw new IrcParseException("no command");
        }
        int end = indexOfSpace(line, pos);
        String command = parseCommand(line.substring(pos, end));
        List<String> params = new ArrayList<>(4);
        pos = skipSpaces(line, end);
        while (pos < len) {
            if (line.charAt(pos) == ':' || params.size() == MAX_MIDDLE_PARAMS) {
                int start = line.charAt(pos) == ':' ? pos + 1 : pos;
                params.add(line.substring(start));
                break;
            }
            end = indexOfSpace(line, pos);
            params.add(line.substring(pos, end));
            pos = skipSpaces(line, end);
        }
        return new IrcMessage(tags, source, command, params);
    }

    private static String parseCommand(String word) {
        boolean digits = word.length() == 3;
        boolean letters = true;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            digits &= c >= '0' && c <= '9';
            letters &= (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        }
        if (!digits && !letters) {
            throw new IrcParseException("command must be letters or a three-digit numeric");
        }
        return letters ? Ascii.upper(word) : word;
    }

    private static int indexOfSpace(String s, int from) {
        int i = s.indexOf(' ', from);
        return i < 0 ? s.length() : i;
    }

    private static int skipSpaces(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    static Map<String, String> newTagMap() {
        return new LinkedHashMap<>();
    }
}
