package org.chatroom.server.command;

import java.util.List;
import org.chatroom.protocol.Mask;
import org.chatroom.protocol.Numeric;
import org.chatroom.server.state.BanEntry;
import org.chatroom.server.state.ChatRegistry;
import org.chatroom.server.state.ExceptionList;
import org.chatroom.server.state.Room;

/** A room's mask lists: bans (+b), ban exceptions (+e) and invite exceptions (+I); showing and changing them. */
final class ListModes {
    private ListModes() {
    }

    static boolean isListMode(char ch) {
        return ch == 'b' || ch == 'e' || ch == 'I';
    }

    /** {@code MODE #room b} (or {@code +e}, {@code I}...) alone: sends that list; false if not such a query. */
    static boolean query(Session s, Room room, String modes, int paramCount) {
        String m = modes.startsWith("+") ? modes.substring(1) : modes;
        if (paramCount != 2 || m.length() != 1 || !isListMode(m.charAt(0))) {
            return false;
        }
        switch (m.charAt(0)) {
            case 'b' -> list(s, room, room.bans(), Numeric.RPL_BANLIST, Numeric.RPL_ENDOFBANLIST);
            case 'e' -> list(s, room, room.banExceptions().entries(), Numeric.RPL_EXCEPTLIST,
                    Numeric.RPL_ENDOFEXCEPTLIST);
            default -> list(s, room, room.inviteExceptions().entries(), Numeric.RPL_INVEXLIST,
                    Numeric.RPL_ENDOFINVEXLIST);
        }
        return true;
    }

    private static void list(Session s, Room room, List<BanEntry> entries, Numeric item, Numeric end) {
        for (BanEntry b : entries) {
            s.reply(item, room.name(), b.mask().pattern(), b.setBy(), Long.toString(b.setAtSeconds()));
        }
        s.reply(end, room.name());
    }

    /** Registry lock held: adds or removes {@code text} on list {@code ch}; the mask to show, or null if unchanged. */
    static String change(Session s, Room room, char ch, boolean on, String text) {
        Mask mask;
        try {
            mask = Mask.of(text, ChatRegistry.MAPPING);
        } catch (IllegalArgumentException e) {
            s.replyText(Numeric.ERR_INVALIDMODEPARAM, "Mask must be a nick, an address or nick!user@host",
                    room.name(), String.valueOf(ch), text);
            return null;
        }
        BanEntry entry = new BanEntry(mask, s.client().nick(), System.currentTimeMillis() / 1000);
        if (ch == 'b') {
            if (!on) {
                return room.removeBan(mask) ? mask.pattern() : null;
            }
            if (room.bans().stream().anyMatch(b -> b.mask().equals(mask))) {
                return null;
            }
            if (room.bans().size() >= Room.MAX_BANS) {
                s.replyText(Numeric.ERR_BANLISTFULL, "Channel ban list is full", room.name(), "b");
                return null;
            }
            return room.addBan(entry) ? mask.pattern() : null;
        }
        ExceptionList list = ch == 'e' ? room.banExceptions() : room.inviteExceptions();
        if (!on) {
            return list.remove(mask) ? mask.pattern() : null;
        }
        if (list.size() >= ExceptionList.MAX_ENTRIES && list.entries().stream().noneMatch(b -> b.mask().equals(mask))) {
            s.replyText(Numeric.ERR_BANLISTFULL, "Channel " + (ch == 'e' ? "exception" : "invite exception")
                    + " list is full", room.name(), String.valueOf(ch));
            return null;
        }
        return list.add(entry) ? mask.pattern() : null;
    }
}
