package org.chatroom.server.command;

import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.protocol.NameRules;
import org.chatroom.protocol.Numeric;
import org.chatroom.server.context.ServerContext;
import org.chatroom.server.core.Cap;
import org.chatroom.server.config.ServerConfig;
import org.chatroom.server.config.ServerConfigKeys;
import org.chatroom.server.core.OutboundLine;
import org.chatroom.server.state.JoinResult;
import org.chatroom.server.state.Room;
import org.chatroom.server.state.Topic;
import org.chatroom.server.state.Client;

/** JOIN, PART and TOPIC. */
public final class RoomCommands {
    private static final Logger LOG = LogManager.getLogger();

    private RoomCommands() {
    }

    static void register(CommandDispatcher d) {
        d.add("JOIN", 1, false, RoomCommands::join);
        d.add("PART", 1, false, RoomCommands::part);
        d.add("TOPIC", 1, false, RoomCommands::topic);
    }

    private static void join(Session s, IrcMessage m) {
        if (m.param(0).equals("0")) {
            for (Room r : List.copyOf(s.client().rooms())) {
                leave(s, r, null);
            }
            return;
        }
        String[] names = m.param(0).split(",");
        String[] keys = m.param(1) == null ? new String[0] : m.param(1).split(",");
        var learn = s.context().cluster().beforeJoin(List.of(names));
        if (learn != null) { // rooms new to this node: their members and state first, from the other nodes
            s.await(learn, (v, e) -> {
                joinAll(s, names, keys);
                s.context().cluster().afterJoin(List.of(names));
            });
            return;
        }
        joinAll(s, names, keys);
    }

    private static void joinAll(Session s, String[] names, String[] keys) {
        List<HistoryReplay.Joined> joined = new java.util.ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            if (!names[i].isEmpty()) {
                HistoryReplay.Joined j = join(s, names[i], i < keys.length ? keys[i] : null);
                if (j != null) {
                    joined.add(j);
                }
            }
        }
        HistoryReplay.afterJoin(s, joined);
    }

    /** Joins the session's client to {@code name} (no key), with every reply, the broadcast and the replay. */
    public static void join(Session s, String name) {
        var learn = s.context().cluster().beforeJoin(List.of(name));
        if (learn != null) {
            s.await(learn, (v, e) -> {
                joinAll(s, new String[] {name}, new String[0]);
                s.context().cluster().afterJoin(List.of(name));
            });
            return;
        }
        HistoryReplay.Joined j = join(s, name, null);
        if (j != null) {
            HistoryReplay.afterJoin(s, List.of(j));
        }
    }

    /** The room joined and the time of the JOIN, or null if the client did not join. */
    private static HistoryReplay.Joined join(Session s, String name, String key) {
        ServerContext ctx = s.context();
        ServerConfig cfg = ctx.config();
        Client c = s.client();
        if (NameRules.roomProblem(name, cfg.get(ServerConfigKeys.ROOM_LENGTH)) != null) {
            s.reply(Numeric.ERR_BADCHANMASK, name);
            return null;
        }
        Room existing = ctx.registry().rooms().get(name);
        if (existing != null && existing.contains(c)) {
            return null;
        }
        if (c.rooms().size() >= cfg.get(ServerConfigKeys.USER_MAX_ROOMS)) {
            s.reply(Numeric.ERR_TOOMANYCHANNELS, name);
            return null;
        }
        JoinResult result = ctx.registry().join(c, name, key, cfg.get(ServerConfigKeys.ROOMS_USER_CREATE));
        if (result.refusal() != null) {
            s.reply(result.refusal(), result.room() == null ? name : result.room().name());
            return null;
        }
        if (!result.joined()) {
            return null;
        }
        Room room = result.room();
        LOG.info("{} joined {}", c.nick(), room.name());
        String nick = c.nick();
        ctx.events().fire(l -> l.joined(nick, room.name()));
        String account = c.account();
        var history = ctx.history();
        OutboundLine line = OutboundLine.of(IrcMessage.from(c.prefix(), "JOIN", room.name()), java.util.Map.of(),
                        history.nextTime(room.key()))
                .or(Cap.EXTENDED_JOIN, IrcMessage.from(c.prefix(), "JOIN", room.name(), account == null ? "*" : account,
                        c.realName()));
        room.broadcast(line, null, ctx.stats());
        history.room(room.key(), line, account);
        ctx.cluster().joined(c, room, line);
        tellAway(room, c);
        Topic topic = room.topic();
        if (topic.isSet()) {
            s.reply(Numeric.RPL_TOPIC, room.name(), topic.text());
            s.reply(Numeric.RPL_TOPICWHOTIME, room.name(), topic.setBy(), Long.toString(topic.setAtSeconds()));
        }
        if (!c.has(Cap.NO_IMPLICIT_NAMES) && !c.has(Cap.NO_IMPLICIT_NAMES_DRAFT)) {
            NamesCommand.send(s, room);
        }
        return new HistoryReplay.Joined(room, line.timeMillis());
    }

    /** IRCv3 away-notify: a user who joins while away is told to the members who asked, right after the JOIN. */
    private static void tellAway(Room room, Client c) {
        String away = c.away();
        if (away == null) {
            return;
        }
        OutboundLine line = OutboundLine.of(IrcMessage.from(c.prefix(), "AWAY", away));
        for (Client member : room.members()) { // queued after the JOIN on every lane: never before it
            if (member != c && member.has(Cap.AWAY_NOTIFY)) {
                member.send(line);
            }
        }
    }

    private static void part(Session s, IrcMessage m) {
        String reason = m.param(1);
        for (String name : m.param(0).split(",")) {
            if (name.isEmpty()) {
                continue;
            }
            Room room = s.context().registry().rooms().get(name);
            if (room == null) {
                s.reply(Numeric.ERR_NOSUCHCHANNEL, name);
            } else if (!room.contains(s.client())) {
                s.reply(Numeric.ERR_NOTONCHANNEL, room.name());
            } else {
                leave(s, room, reason);
            }
        }
    }

    private static void leave(Session s, Room room, String reason) {
        Client c = s.client();
        IrcMessage part = reason == null || reason.isEmpty()
                ? IrcMessage.from(c.prefix(), "PART", room.name())
                : IrcMessage.from(c.prefix(), "PART", room.name(), reason);
        OutboundLine line = OutboundLine.of(part, java.util.Map.of(), s.context().history().nextTime(room.key()));
        room.broadcast(line, null, s.context().stats());
        s.context().history().room(room.key(), line, c.account());
        s.context().registry().part(c, room);
        s.context().cluster().parted(c, room, line);
        LOG.info("{} left {}", c.nick(), room.name());
        String nick = c.nick();
        s.context().events().fire(l -> l.parted(nick, room.name(), reason));
    }

    private static void topic(Session s, IrcMessage m) {
        Client c = s.client();
        Room room = s.context().registry().rooms().get(m.param(0));
        if (room == null) {
            s.reply(Numeric.ERR_NOSUCHCHANNEL, m.param(0));
            return;
        }
        if (m.params().size() < 2) {
            Topic t = room.topic();
            if (t.isSet()) {
                s.reply(Numeric.RPL_TOPIC, room.name(), t.text());
                s.reply(Numeric.RPL_TOPICWHOTIME, room.name(), t.setBy(), Long.toString(t.setAtSeconds()));
            } else {
                s.reply(Numeric.RPL_NOTOPIC, room.name());
            }
            return;
        }
        String text = RegistrationCommands.truncate(m.param(1), s.context().config().get(ServerConfigKeys.TOPIC_LENGTH));
        Numeric refusal = s.context().registry().atomically(() -> {
            if (!room.contains(c) && !c.serverOperator()) {
                return Numeric.ERR_NOTONCHANNEL;
            }
            if (room.modes().topicOps() && !OperatorCommands.mayModerate(room, c)) {
                return Numeric.ERR_CHANOPRIVSNEEDED;
            }
            setTopic(s.context(), room, text, c.nick(), c.prefix());
            return null;
        });
        if (refusal != null) {
            s.reply(refusal, room.name());
            return;
        }
        LOG.info("{} changed the topic of {}", c.nick(), room.name());
        String nick = c.nick();
        s.context().events().fire(l -> l.topicChanged(nick, room.name(), text));
    }

    /** The account of the user called {@code nick}, or null (a server or admin setting a topic has none). */
    private static String accountOf(ServerContext ctx, String nick) {
        Client c = ctx.registry().byNick(nick);
        return c == null ? null : c.account();
    }

    /** Sets the topic and tells the room; {@code source} is who it comes from on the wire. */
    public static void setTopic(ServerContext ctx, Room room, String text, String setter, String source) {
        ctx.registry().atomically(() -> { // set and told in one step: racing TOPICs reach everyone in one order
            room.topic(new Topic(text, setter, System.currentTimeMillis() / 1000));
            OutboundLine line = OutboundLine.of(IrcMessage.from(source, "TOPIC", room.name(), text), java.util.Map.of(),
                    ctx.history().nextTime(room.key()));
            room.broadcastInOrder(line, ctx.stats());
            ctx.history().room(room.key(), line, accountOf(ctx, setter));
            ctx.cluster().topic(room, line);
        });
        ctx.roomChanged(room);
    }
}
