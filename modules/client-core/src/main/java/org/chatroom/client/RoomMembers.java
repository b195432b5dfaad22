package org.chatroom.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chatroom.protocol.CaseMapping;

/**
 * The rooms we are in and who is in them, kept from JOIN/PART/KICK/QUIT/NICK and NAMES replies.
 * Written by the reader thread, read from any thread: every method is synchronized and returns copies.
 */
final class RoomMembers {
    private static final String STATUS_PREFIXES = "~&@%+";

    private final Map<String, Room> rooms = new LinkedHashMap<>();
    private CaseMapping mapping = CaseMapping.RFC1459;

    private static final class Room {
        final String name;
        final Map<String, String> members = new LinkedHashMap<>();

        Room(String name) {
            this.name = name;
        }
    }

    /** A NAMES entry without its status prefix ({@code @alice} → {@code alice}). */
    static String bareNick(String entry) {
        int i = 0;
        while (i < entry.length() - 1 && STATUS_PREFIXES.indexOf(entry.charAt(i)) >= 0) {
            i++;
        }
        return entry.substring(i);
    }

    synchronized void caseMapping(CaseMapping value) {
        this.mapping = value;
    }

    synchronized CaseMapping caseMapping() {
        return mapping;
    }

    synchronized boolean sameName(String a, String b) {
        return a != null && b != null && mapping.equals(a, b);
    }

    synchronized void joined(String room) {
        rooms.computeIfAbsent(mapping.fold(room), k -> new Room(room));
    }

    synchronized void left(String room) {
        rooms.remove(mapping.fold(room));
    }

    synchronized boolean isIn(String room) {
        return rooms.containsKey(mapping.fold(room));
    }

    synchronized void addMember(String room, String nick) {
        Room r = rooms.get(mapping.fold(room));
        if (r != null) {
            r.members.put(mapping.fold(nick), nick);
        }
    }

    synchronized void removeMember(String room, String nick) {
        Room r = rooms.get(mapping.fold(room));
        if (r != null) {
            r.members.remove(mapping.fold(nick));
        }
    }

    synchronized void setMembers(String room, List<String> nicks) {
        Room r = rooms.get(mapping.fold(room));
        if (r != null) {
            r.members.clear();
            for (String n : nicks) {
                r.members.put(mapping.fold(n), n);
            }
        }
    }

    /** Removes {@code nick} everywhere; returns the rooms it was in. */
    synchronized List<String> quit(String nick) {
        String key = mapping.fold(nick);
        List<String> out = new ArrayList<>();
        for (Room r : rooms.values()) {
            if (r.members.remove(key) != null) {
                out.add(r.name);
            }
        }
        return out;
    }

    synchronized void rename(String oldNick, String newNick) {
        String oldKey = mapping.fold(oldNick);
        for (Room r : rooms.values()) {
            if (r.members.remove(oldKey) != null) {
                r.members.put(mapping.fold(newNick), newNick);
            }
        }
    }

    synchronized List<String> roomNames() {
        List<String> out = new ArrayList<>();
        for (Room r : rooms.values()) {
            out.add(r.name);
        }
        return out;
    }

    synchronized List<String> members(String room) {
        Room r = rooms.get(mapping.fold(room));
        return r == null ? List.of() : List.copyOf(r.members.values());
    }

    /** Forgets everything; returns the room names we were in, for rejoining. */
    synchronized Set<String> clear() {
        Set<String> names = new LinkedHashSet<>(roomNames());
        rooms.clear();
        return names;
    }
}
