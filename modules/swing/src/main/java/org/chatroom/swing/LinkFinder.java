package org.chatroom.swing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds web links in message text so the view can make them clickable. */
final class LinkFinder {
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"]+");
    private static final String TRAILING = ".,;:!?)]}'";

    /** A link at {@code [start, end)} of the text; {@code url} is what to open. */
    record Link(int start, int end, String url) {
    }

    private LinkFinder() {
    }

    static List<Link> find(String text) {
        List<Link> out = new ArrayList<>();
        Matcher m = URL.matcher(text);
        while (m.find()) {
            int end = m.end();
            while (end > m.start() && TRAILING.indexOf(text.charAt(end - 1)) >= 0
                    && !(text.charAt(end - 1) == ')' && text.substring(m.start(), end).contains("("))) {
                end--;
            }
            String raw = text.substring(m.start(), end);
            if (raw.length() <= 4 || raw.equalsIgnoreCase("www.")) {
                continue;
            }
            out.add(new Link(m.start(), end, raw.regionMatches(true, 0, "www.", 0, 4) ? "https://" + raw : raw));
        }
        return out;
    }
}
