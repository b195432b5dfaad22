package org.chatroom.server.command;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.protocol.Mask;
import org.chatroom.protocol.NameRules;
import org.chatroom.protocol.Numeric;
import org.chatroom.server.config.ServerConfigKeys;
import org.chatroom.server.core.Cap;
import org.chatroom.server.state.ChatRegistry;
import org.chatroom.server.state.Client;
import org.chatroom.server.state.Membership;
import org.chatroom.server.state.Room;

/**
 * WHO: a room, a nick, or a mask ({@code *}, {@code coolni*}, {@code *@host}, {@code n!u@h}), with
 * the {@code o} filter and WHOX ({@code WHO mask [o]%fields[,token]}, answered with 354). Users
 * with +i are listed only to someone who shares a room with them (or asks for their exact nick).
 */
final class WhoCommand {
    private WhoCommand() {
    }

    static void register(CommandDispatcher d) {
        d.add("WHO", 0, false, WhoCommand::who);
    }

    private static void who(Session s, IrcMessage m) {
        String mask = m.params().isEmpty() || m.param(0).isEmpty() ? "*" : m.param(0);
        String options = m.params().size() > 1 ? m.param(1) : "";
        int percent = options.indexOf('%');
        WhoxFields whox = percent < 0 ? null : WhoxFields.parse(options.substring(percent + 1));
        boolean opersOnly = (percent < 0 ? options : options.substring(0, percent)).indexOf('o') >= 0;
        Client me = s.client();
        if (NameRules.isRoomName(mask)) {
            Room room = s.context().registry().rooms().get(mask);
            if (room != null && !room.hiddenFrom(me)) {
                boolean member = room.contains(me) || me.serverOperator();
                for (Room.Shown shown : QuietJoins.shownTo(room, me)) {
                    Client c = shown.client();
                    if ((member || !c.invisible()) && (!opersOnly || c.serverOperator())) {
                        Membership ms = shown.standing();
                        reply(s, whox, room.name(), c, ms == null ? "" : ms.prefix(me.has(Cap.MULTI_PREFIX)));
                    }
                }
            }
        } else {
            for (Client c : matches(s, mask)) {
                if (!opersOnly || c.serverOperator()) {
                    reply(s, whox, "*", c, "");
                }
            }
        }
        s.reply(Numeric.RPL_ENDOFWHO, mask);
    }

    /**
     * Registered users the mask matches and the asker may see. An exact nick is always found; any
     * other word without wildcards (a host, a real name) is matched as a mask without them.
     */
    private static List<Client> matches(Session s, String mask) {
        ChatRegistry registry = s.context().registry();
        Client me = s.client();
        List<Client> out = new ArrayList<>();
        boolean wildcard = mask.indexOf('*') >= 0 || mask.indexOf('?') >= 0;
        if (!wildcard && mask.indexOf('@') < 0 && mask.indexOf('!') < 0) {
            Client c = registry.byNick(mask);
            if (c != null && c.registered()) {
                out.add(c); // asked for by name: shown even with +i, as WHOIS would
                return out;
            }
        }
        Set<Client> peers = null;
        for (Client c : registry.clients()) {
            if (!c.registered() || !matches(mask, c)) {
                continue;
            }
            if (c.invisible() && c != me && !me.serverOperator()) {
                peers = peers == null ? new LinkedHashSet<>(registry.peersOf(me)) : peers;
                if (!peers.contains(c)) {
                    continue;
                }
            }
            out.add(c);
        }
        return out;
    }

    /** {@code n!u@h} against the full prefix, {@code u@h} against user@host, else nick, host or real name. */
    private static boolean matches(String mask, Client c) {
        if (mask.equals("0") || mask.equals("*")) {
            return true;
        }
        if (mask.indexOf('!') >= 0) {
            return Mask.globMatches(mask, c.prefix(), ChatRegistry.MAPPING);
        }
        if (mask.indexOf('@') >= 0) {
            return Mask.globMatches(mask, c.user() + "@" + c.host(), ChatRegistry.MAPPING);
        }
        return Mask.globMatches(mask, c.nick(), ChatRegistry.MAPPING)
                || Mask.globMatches(mask, c.host(), ChatRegistry.MAPPING)
                || Mask.globMatches(mask, c.realName(), ChatRegistry.MAPPING);
    }

    private static void reply(Session s, WhoxFields whox, String room, Client c, String prefix) {
        String flags = (c.away() == null ? "H" : "G") + (c.serverOperator() ? "*" : "") + prefix + (c.bot() ? "B" : "");
        String server = s.context().config().get(ServerConfigKeys.SERVER_NAME);
        if (whox == null) {
            s.reply(Numeric.RPL_WHOREPLY, room, c.user(), c.host(), server, c.nick(), flags, "0 " + c.realName());
            return;
        }
        long idle = (System.currentTimeMillis() - c.lastMessageAtMillis()) / 1000;
        List<String> values = whox.values(c, room, flags, server, idle);
        if (values.isEmpty()) {
            return; // "%" alone asks for nothing: only 315
        }
        s.replyText(Numeric.RPL_WHOSPCRPL, null, values.toArray(String[]::new));
    }
}
