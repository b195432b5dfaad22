package org.chatroom.server.command;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The IRCv3 time form, {@code YYYY-MM-DDThh:mm:ss.sssZ}, as server-time and CHATHISTORY use it. */
final class Timestamps {
    private static final DateTimeFormatter FORM = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    static String format(long epochMillis) {
        return FORM.format(Instant.ofEpochMilli(epochMillis));
    }
}
