package org.chatroom.server.command;

import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.server.core.Cap;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.protocol.Numeric;
import org.chatroom.server.auth.PasswordHash;
import org.chatroom.server.config.ServerConfigKeys;
import org.chatroom.server.core.OutboundLine;
import org.chatroom.server.state.Room;
import org.chatroom.server.state.Client;

/** Keeping order: KICK and INVITE by room operators; OPER, KILL and WALLOPS for server operators. */
final class OperatorCommands {
    private static final Logger LOG = LogManager.getLogger();

    private OperatorCommands() {
    }

    static void register(CommandDispatcher d) {
        d.add("KICK", 2, false, OperatorCommands::kick);
        d.add("INVITE", 0, false, OperatorCommands::invite);
        d.add("OPER", 2, false, OperatorCommands::oper);
        d.add("KILL", 1, false, OperatorCommands::kill);
        d.add("WALLOPS", 1, false, OperatorCommands::wallops);
    }

    /** Room operator or server operator. */
    static boolean mayModerate(Room room, Client c) {
        return room.isOperator(c) || c.serverOperator();
    }

    /** {@code KICK #a bob,carol} kicks each from #a; {@code KICK #a,#b bob,carol} kicks bob from #a, carol from #b. */
    private static void kick(Session s, IrcMessage m) {
        String[] rooms = m.param(0).split(",");
        String[] nicks = m.param(1).split(",");
        if (rooms.length != 1 && rooms.length != nicks.length) {
            s.replyText(Numeric.ERR_NEEDMOREPARAMS, "Give one room, or as many rooms as nicks", "KICK");
            return;
        }
        Client c = s.client();
        String reason = m.param(2) == null || m.param(2).isEmpty() ? c.nick()
                : RegistrationCommands.truncate(m.param(2), s.context().config().get(ServerConfigKeys.KICK_LENGTH));
        for (int i = 0; i < nicks.length; i++) {
            kick(s, rooms.length == 1 ? rooms[0] : rooms[i], nicks[i], reason);
        }
    }

    private static void kick(Session s, String roomName, String nick, String reason) {
        Client c = s.client();
        Room room = s.context().registry().rooms().get(roomName);
        if (room == null) {
            s.reply(Numeric.ERR_NOSUCHCHANNEL, roomName);
            return;
        }
        Client target = nick.isEmpty() ? null : s.context().registry().byNick(nick);
        // The checks, the KICK line and the removal in one step: two operators kicking one user send one KICK.
        Numeric refusal = s.context().registry().atomically(() -> {
            if (!room.contains(c) && !c.serverOperator()) {
                return Numeric.ERR_NOTONCHANNEL;
            }
            if (!mayModerate(room, c)) {
                return Numeric.ERR_CHANOPRIVSNEEDED;
            }
            if (target == null || !room.contains(target)) {
                return Numeric.ERR_USERNOTINCHANNEL;
            }
            // broadcast, not broadcastInOrder: on this lane the leave's sync runs at once, so the KICK must be
            // delivered here first or a victim on the kicker's lane would never see it.
            OutboundLine kick = OutboundLine.of(IrcMessage.from(c.prefix(), "KICK", room.name(), target.nick(), reason),
                    java.util.Map.of(), s.context().history().nextTime(room.key()));
            room.broadcast(kick, null, s.context().stats());
            s.context().history().room(room.key(), kick, c.account());
            s.context().registry().part(target, room);
            s.context().cluster().kicked(room, target, kick);
            return null;
        });
        if (refusal == Numeric.ERR_USERNOTINCHANNEL) {
            s.reply(refusal, nick, room.name());
            return;
        }
        if (refusal != null) {
            s.reply(refusal, room.name());
            return;
        }
        LOG.info("{} kicked {} from {}", c.nick(), target.nick(), room.name());
        String by = c.nick();
        String victim = target.nick();
        s.context().events().fire(l -> l.kicked(victim, room.name(), by, reason));
    }

    private static void invite(Session s, IrcMessage m) {
        Client c = s.client();
        if (m.params().isEmpty()) { // the invitations this user holds and has not used yet
            for (Room r : s.context().registry().rooms().all()) {
                if (r.invited().contains(c)) {
                    s.reply(Numeric.RPL_INVITELIST, r.name());
                }
            }
            s.reply(Numeric.RPL_ENDOFINVITELIST);
            return;
        }
        if (m.params().size() < 2) {
            s.reply(Numeric.ERR_NEEDMOREPARAMS, "INVITE");
            return;
        }
        Client target = s.context().registry().byNick(m.param(0));
        if (target == null) {
            s.reply(Numeric.ERR_NOSUCHNICK, m.param(0));
            return;
        }
        Room room = s.context().registry().rooms().get(m.param(1));
        if (room == null) {
            s.reply(Numeric.ERR_NOSUCHCHANNEL, m.param(1));
            return;
        }
        if (!room.contains(c) && !c.serverOperator()) {
            s.reply(Numeric.ERR_NOTONCHANNEL, room.name());
            return;
        }
        if (room.modes().inviteOnly() && !mayModerate(room, c)) {
            s.reply(Numeric.ERR_CHANOPRIVSNEEDED, room.name());
            return;
        }
        if (room.contains(target)) {
            s.reply(Numeric.ERR_USERONCHANNEL, target.nick(), room.name());
            return;
        }
        room.invited().add(target);
        s.reply(Numeric.RPL_INVITING, target.nick(), room.name());
        OutboundLine line = OutboundLine.of(IrcMessage.from(c.prefix(), "INVITE", target.nick(), room.name()));
        target.send(line);
        if (target.ghost()) { // its node tells it, and lets it past +i there
            s.context().cluster().invited(room, target, line);
        }
        for (Client member : room.members()) { // IRCv3 invite-notify: operators see who was invited
            if (member != c && member.has(Cap.INVITE_NOTIFY) && mayModerate(room, member)) {
                member.send(line);
            }
        }
        LOG.info("{} invited {} to {}", c.nick(), target.nick(), room.name());
    }

    private static void oper(Session s, IrcMessage m) {
        Client c = s.client();
        Map<String, PasswordHash> accounts = s.context().config().get(ServerConfigKeys.OPER_ACCOUNTS);
        PasswordHash hash = accounts.get(m.param(0));
        if (hash == null) {
            LOG.info("{} ({}) tried OPER with unknown name {}", c.nick(), c.address(), m.param(0));
            s.reply(Numeric.ERR_NOOPERHOST);
            return;
        }
        String name = m.param(0);
        s.verifyPassword(hash, m.param(1), ok -> {
            if (!ok) {
                LOG.info("{} ({}) gave a wrong password for OPER {}", c.nick(), c.address(), name);
                s.reply(Numeric.ERR_PASSWDMISMATCH);
                return;
            }
            c.serverOperator(true);
            s.reply(Numeric.RPL_YOUREOPER);
            s.send(IrcMessage.from(c.prefix(), "MODE", c.nick(), "+o"));
            LOG.info("{} ({}) is now a server operator as {}", c.nick(), c.address(), name);
        });
    }

    private static void kill(Session s, IrcMessage m) {
        Client c = s.client();
        if (!c.serverOperator()) {
            s.reply(Numeric.ERR_NOPRIVILEGES);
            return;
        }
        Client target = s.context().registry().byNick(m.param(0));
        if (target == null) {
            s.reply(Numeric.ERR_NOSUCHNICK, m.param(0));
            return;
        }
        String reason = m.param(1) == null || m.param(1).isEmpty() ? "no reason given" : m.param(1);
        LOG.info("{} killed {} ({})", c.nick(), target.nick(), reason);
        target.disconnect("Killed (" + c.nick() + " (" + reason + "))");
    }

    private static void wallops(Session s, IrcMessage m) {
        Client c = s.client();
        if (!c.serverOperator()) {
            s.reply(Numeric.ERR_NOPRIVILEGES);
            return;
        }
        OutboundLine line = OutboundLine.of(IrcMessage.from(c.prefix(), "WALLOPS", m.last()));
        for (Client other : s.context().registry().clients()) {
            if (other.serverOperator()) {
                other.send(line);
            }
        }
    }
}
