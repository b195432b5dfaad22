package org.chatroom.protocol;

import java.util.Map;

/** IRCv3 message-tags: the {@code key=value;key2} part after '@', with its value escaping. */
public final class MessageTags {
    private MessageTags() {
    }

    static Map<String, String> parse(String raw) {
        if (raw.isEmpty()) {
            throw new IrcParseException("empty tags after '@'");
        }
        Map<String, String> tags = IrcMessageParser.newTagMap();
        int pos = 0;
        while (pos <= raw.length()) {
            int end = raw.indexOf(';', pos);
            if (end < 0) {
                end = raw.length();
            }
            if (end > pos) {
                String item = raw.substring(pos, end);
                int eq = item.indexOf('=');
                String key = eq < 0 ? item : item.substring(0, eq);
                if (!isValidKey(key)) {
                    throw new IrcParseException("malformed tag name");
                }
                tags.put(key, eq < 0 ? "" : unescape(item.substring(eq + 1)));
            }
            pos = end + 1;
        }
        return tags;
    }

    /** A tag name: optional '+', optional vendor with '/', then letters, digits, '-' and '.'. */
    public static boolean isValidKey(String key) {
        int start = key.startsWith("+") ? 1 : 0;
        if (key.length() == start) {
            return false;
        }
        for (int i = start; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '/';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static String unescape(String value) {
        if (value.indexOf('\\') < 0) {
            return value;
        }
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (++i == value.length()) {
                break; // a lone trailing backslash is dropped, as the spec says
            }
            char e = value.charAt(i);
            switch (e) {
                case ':' -> sb.append(';');
                case 's' -> sb.append(' ');
                case 'r' -> sb.append('\r');
                case 'n' -> sb.append('\n');
                default -> sb.append(e); // covers "\\\\" and unknown escapes
            }
        }
        return sb.toString();
    }

    /** The tag section without the leading '@': {@code key=value;key2}, values escaped; empty map, empty string. */
    public static String format(Map<String, String> tags) {
        StringBuilder sb = new StringBuilder();
        appendTo(sb, tags);
        return sb.toString();
    }

    static void appendTo(StringBuilder sb, Map<String, String> tags) {
        boolean first = true;
        for (Map.Entry<String, String> e : tags.entrySet()) {
            if (!first) {
                sb.append(';');
            }
            first = false;
            sb.append(e.getKey());
            if (!e.getValue().isEmpty()) {
                sb.append('=');
                appendEscaped(sb, e.getValue());
            }
        }
    }

    static void appendEscaped(StringBuilder sb, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case ';' -> sb.append("\\:");
                case ' ' -> sb.append("\\s");
                case '\\' -> sb.append("\\\\");
                case '\r' -> sb.append("\\r");
                case '\n' -> sb.append("\\n");
                default -> sb.append(c);
            }
        }
    }
}
