package org.chatroom.admin;

import java.util.List;

/** Builds a request line from shell words, quoting each word that needs it (spaces, quotes, backslashes, empty). */
final class RequestLine {
    private RequestLine() {
    }

    static String of(List<String> words) {
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(quote(w));
        }
        return sb.toString();
    }

    static String quote(String word) {
        String w = word.replace('\r', ' ').replace('\n', ' '); // a line break would end the request early
        boolean plain = !w.isEmpty();
        for (int i = 0; i < w.length() && plain; i++) {
            char c = w.charAt(i);
            plain = c != ' ' && c != '\t' && c != '"' && c != '\\';
        }
        if (plain) {
            return w;
        }
        return '"' + w.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
