package org.chatroom.server.cluster;

import java.util.List;
import org.chatroom.protocol.Mask;
import org.chatroom.server.state.BanEntry;
import org.chatroom.server.state.ChatRegistry;
import org.chatroom.server.state.Client;
import org.chatroom.server.state.ExceptionList;
import org.chatroom.server.state.Room;
import org.chatroom.server.state.RoomModes;

/**
 * A room's mode change made on another node, applied here as it was decided there: the node of the
 * user who set it checked rights and limits already, so nothing is refused here (a mask or nick
 * that does not fit is skipped). Registry lock held by the caller.
 */
final class RemoteModes {
    private RemoteModes() {
    }

    /** Applies {@code change} ({@code +o-v bob carol}, {@code +kl key 5}, {@code +b *!*@host}) to {@code room}. */
    static void apply(ChatRegistry registry, Room room, String change, String setter) {
        String[] words = change.split(" ");
        if (words.length == 0 || words[0].isEmpty()) {
            return;
        }
        String modes = words[0];
        List<String> args = List.of(words).subList(1, words.length);
        int next = 0;
        boolean adding = true;
        for (int i = 0; i < modes.length(); i++) {
            char ch = modes.charAt(i);
            if (ch == '+' || ch == '-') {
                adding = ch == '+';
                continue;
            }
            String arg = takesArgument(ch, adding) && next < args.size() ? args.get(next++) : null;
            boolean on = adding;
            switch (ch) {
                case 'C', 'i', 'm', 'n', 's', 't' -> registry.changeModes(room, m -> m.withFlag(ch, on));
                case 'k' -> registry.changeModes(room, m -> m.withKey(on ? arg : null));
                case 'l' -> registry.changeModes(room, m -> m.withLimit(on ? parse(arg) : 0));
                case 'o', 'v' -> {
                    Client target = arg == null ? null : registry.byNick(arg);
                    if (target != null) {
                        registry.setMembership(room, target, m -> ch == 'o' ? m.withOp(on) : m.withVoice(on));
                    }
                }
                case 'b', 'e', 'I' -> list(room, ch, on, arg, setter);
                default -> { } // a mode a newer node knows: nothing to do here
            }
        }
    }

    /** Whether room mode {@code ch}, set ({@code adding}) or unset, takes an argument in a MODE change. */
    static boolean takesArgument(char ch, boolean adding) {
        return ch == 'o' || ch == 'v' || ch == 'b' || ch == 'e' || ch == 'I' || ch == 'k' || (adding && ch == 'l');
    }

    /** Sets {@code room}'s modes and lists to a snapshot read from Redis (a node that starts listening). */
    static void restore(ChatRegistry registry, Room room, String modes, String bans, String excepts, String invex) {
        if (modes != null && !modes.isEmpty()) {
            registry.changeModes(room, m -> RoomModes.DEFAULT.withFlag('n', false).withFlag('t', false));
            apply(registry, room, modes, "*");
        }
        restoreList(room, 'b', bans);
        restoreList(room, 'e', excepts);
        restoreList(room, 'I', invex);
    }

    private static void restoreList(Room room, char ch, String patterns) {
        if (patterns == null || patterns.isEmpty()) {
            return;
        }
        for (String p : patterns.split(" ")) {
            if (!p.isEmpty()) {
                list(room, ch, true, p, "*");
            }
        }
    }

    private static void list(Room room, char ch, boolean on, String pattern, String setter) {
        if (pattern == null) {
            return;
        }
        Mask mask;
        try {
            mask = Mask.of(pattern, ChatRegistry.MAPPING);
        } catch (IllegalArgumentException e) {
            return;
        }
        BanEntry entry = new BanEntry(mask, setter, System.currentTimeMillis() / 1000);
        if (ch == 'b') {
            if (on) {
                room.addBan(entry);
            } else {
                room.removeBan(mask);
            }
            return;
        }
        ExceptionList list = ch == 'e' ? room.banExceptions() : room.inviteExceptions();
        if (on) {
            list.add(entry);
        } else {
            list.remove(mask);
        }
    }

    /** The patterns of a list mode, space-separated, as kept in Redis. */
    static String patterns(List<BanEntry> entries) {
        StringBuilder sb = new StringBuilder();
        for (BanEntry b : entries) {
            sb.append(sb.length() == 0 ? "" : " ").append(b.mask().pattern());
        }
        return sb.toString();
    }

    private static int parse(String n) {
        try {
            return n == null ? 0 : Math.max(0, Integer.parseInt(n));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
