package org.chatroom.server.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One request line split into words: the command (case-insensitive), its arguments, and whether
 * {@code --json} was given (anywhere, as a word of its own). Words are separated by spaces; a word
 * in double quotes may hold spaces, and inside quotes {@code \"} and {@code \\} stand for
 * {@code "} and {@code \}.
 */
record AdminRequest(String command, List<String> args, boolean json) {

    static AdminRequest parse(String line) throws AdminException {
        List<String> words = new ArrayList<>();
        List<Boolean> quoted = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t') {
                i++;
                continue;
            }
            StringBuilder w = new StringBuilder();
            boolean q = false;
            while (i < n && line.charAt(i) != ' ' && line.charAt(i) != '\t') {
                c = line.charAt(i);
                if (c == '"') {
                    q = true;
                    i++;
                    boolean closed = false;
                    while (i < n) {
                        char d = line.charAt(i++);
                        if (d == '"') {
                            closed = true;
                            break;
                        }
                        if (d == '\\' && i < n && (line.charAt(i) == '"' || line.charAt(i) == '\\')) {
                            d = line.charAt(i++);
                        }
                        w.append(d);
                    }
                    if (!closed) {
                        throw new AdminException(AdminReply.SYNTAX, "unterminated quote");
                    }
                } else {
                    w.append(c);
                    i++;
                }
            }
            words.add(w.toString());
            quoted.add(q);
        }
        boolean json = false;
        List<String> rest = new ArrayList<>();
        for (int k = 0; k < words.size(); k++) {
            if (!quoted.get(k) && words.get(k).equalsIgnoreCase("--json")) {
                json = true;
            } else {
                rest.add(words.get(k));
            }
        }
        if (rest.isEmpty()) {
            throw new AdminException(AdminReply.SYNTAX, "empty command (try help)");
        }
        return new AdminRequest(rest.get(0).toLowerCase(Locale.ROOT), List.copyOf(rest.subList(1, rest.size())), json);
    }

    /** Arguments from {@code from} on, joined by single spaces (free text such as a reason). */
    String rest(int from) {
        return from >= args.size() ? "" : String.join(" ", args.subList(from, args.size()));
    }
}
