package org.chatroom.server.state;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.chatroom.protocol.CaseMapping;

/**
 * A bounded memory of who recently quit or left a nick (WHOWAS): the newest {@link #CAPACITY}
 * entries, the oldest forgotten first. Its own small lock: written by the registry under its lock,
 * read by any lane; nothing done under it blocks.
 */
public final class WhowasHistory {
    /** Entries kept in all; each is a few short strings. */
    public static final int CAPACITY = 1000;

    /** One nick as it was when its user quit or changed it. */
    public record Entry(String nick, String user, String host, String realName, long atMillis) {
    }

    private final CaseMapping mapping;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>(); // newest first

    WhowasHistory(CaseMapping mapping) {
        this.mapping = mapping;
    }

    /** Remembers {@code c} under its current nick. */
    void record(Client c) {
        Entry e = new Entry(c.nick(), c.user(), c.host(), c.realName(), System.currentTimeMillis());
        synchronized (entries) {
            entries.addFirst(e);
            if (entries.size() > CAPACITY) {
                entries.removeLast();
            }
        }
    }

    /** Up to {@code max} entries for {@code nick}, newest first; {@code max <= 0} means all. */
    public List<Entry> find(String nick, int max) {
        String key = mapping.fold(nick);
        List<Entry> out = new ArrayList<>();
        synchronized (entries) {
            for (Iterator<Entry> it = entries.iterator(); it.hasNext() && (max <= 0 || out.size() < max);) {
                Entry e = it.next();
                if (mapping.fold(e.nick()).equals(key)) {
                    out.add(e);
                }
            }
        }
        return out;
    }
}
