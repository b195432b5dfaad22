package org.chatroom.server.command;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.protocol.Numeric;
import org.chatroom.server.auth.PasswordHash;
import org.chatroom.server.config.ServerConfigKeys;
import org.chatroom.server.context.ServerContext;
import org.chatroom.server.core.DropReason;
import org.chatroom.server.core.Outbound;
import org.chatroom.server.core.OutboundLine;
import org.chatroom.server.state.Client;
import org.chatroom.server.state.ClientControl;
import org.chatroom.server.state.Room;

/**
 * One user's session, whatever carries it: runs its commands in order, completes registration
 * (password, bans, welcome, default room) and is the single way out ({@link #quit}) that every
 * disconnect, kick and kill goes through. A transport creates one per connection and calls it on
 * the connection's lane only.
 */
public final class ChatSession implements Session, ClientControl {
    private static final Logger LOG = LogManager.getLogger();

    private final ServerContext context;
    private final Outbound out;
    private final Client client;
    private final Registration registration = new Registration();
    private final CommandRunner runner;
    private final TypingPace typingPace = new TypingPace();
    private boolean quit;

    public ChatSession(ServerContext context, CommandDispatcher dispatcher, Outbound out, String address,
                       String remote, boolean tls) {
        this.context = context;
        this.out = out;
        this.client = new Client(out, context.stats(), address, remote, tls);
        client.control(this);
        this.runner = new CommandRunner(this, dispatcher, out);
    }

    /** The connection was admitted: counted, logged and announced. */
    public void opened() {
        context.stats().connectionOpened();
        LOG.info("connection from {}", client.address());
        String from = client.address();
        context.events().fire(l -> l.connected(from));
    }

    /** One parsed line from the user. */
    public void receive(IrcMessage m) {
        if (!quit) {
            runner.receive(m);
        }
    }

    /** A line that is not valid UTF-8, with its bad bytes replaced (null if it does not parse then). */
    public void invalidUtf8(IrcMessage replaced) {
        if (!quit) {
            context.stats().lineRefused();
            runner.invalidUtf8(replaced);
        }
    }

    /** A line the transport refused (too long, control characters, malformed): say why, keep the connection. */
    public void refused(String reason, boolean tooLong) {
        if (quit) {
            return;
        }
        context.stats().lineRefused();
        if (tooLong) {
            reply(Numeric.ERR_INPUTTOOLONG);
        } else {
            send(IrcMessage.from(serverName(), "NOTICE", client.nick(), reason));
        }
    }

    /** Keep-alive: the user has been silent for the ping interval. */
    public void ping() {
        if (!quit) {
            send(IrcMessage.of("PING", serverName()));
        }
    }

    /**
     * The transport's queue for this user passed its own bound ({@link DropReason#SENDQ}) or the
     * budget of all output ({@link DropReason#OUTPUT_BUDGET}): drop the user, never from inside a delivery.
     */
    public void sendQueueExceeded(DropReason why) {
        context.stats().dropped(why);
        out.lane().execute(() -> quit("SendQ exceeded"));
    }

    /** The server ends the connection (ping timeout, flood...), counted by why. */
    public void drop(DropReason why, String reason) {
        if (!quit) {
            context.stats().dropped(why);
            quit(reason);
        }
    }

    /** The connection is gone (closed by either side). */
    public void closed() {
        quit("Connection closed");
        context.stats().connectionClosed();
    }

    public boolean registered() {
        return client.registered();
    }

    @Override
    public Client client() {
        return client;
    }

    @Override
    public ServerContext context() {
        return context;
    }

    @Override
    public Registration registration() {
        return registration;
    }

    @Override
    public TypingPace typingPace() {
        return typingPace;
    }

    @Override
    public void send(IrcMessage message) {
        client.send(message);
    }

    @Override
    public void reply(Numeric numeric, String... params) {
        replyText(numeric, numeric.text(), params);
    }

    @Override
    public void replyText(Numeric numeric, String text, String... params) {
        client.send(NumericReply.of(serverName(), client.nick(), numeric, text, params));
    }

    @Override
    public void verifyPassword(PasswordHash hash, String candidate, Consumer<Boolean> then) {
        runner.verifyPassword(hash, candidate, then);
    }

    @Override
    public <T> void await(java.util.concurrent.CompletableFuture<T> work, java.util.function.BiConsumer<T, Throwable> then) {
        runner.await(work, then);
    }

    /** True once the session quit (for whatever reason). */
    boolean ended() {
        return quit;
    }

    @Override
    public void completeRegistration() {
        if (context.config().get(ServerConfigKeys.SERVER_PASSWORD).isPresent() && !registration.passwordAccepted()) {
            LOG.info("{} tried to register without the server password", client.address());
            reply(Numeric.ERR_PASSWDMISMATCH);
            quit("Password required");
            return;
        }
        String refusal = context.admission().refusalReason(client);
        if (refusal != null) {
            LOG.info("{} ({}) refused at registration: {}", client.nick(), client.address(), refusal);
            replyText(Numeric.ERR_YOUREBANNEDCREEP, Numeric.ERR_YOUREBANNEDCREEP.text() + ": " + refusal);
            quit("Banned: " + refusal);
            return;
        }
        if (context.stats().registered() >= context.config().get(ServerConfigKeys.MAX_CLIENTS)) {
            LOG.info("{} ({}) refused at registration: server full", client.nick(), client.address());
            drop(DropReason.SERVER_FULL, "Server full");
            return;
        }
        client.markRegistered();
        context.stats().userRegistered();
        out.registered();
        context.cluster().registered(client);
        LOG.info("{} registered as {}", client.address(), client.nick());
        String nick = client.nick();
        context.events().fire(l -> l.registered(nick, client.address()));
        Welcome.send(this);
        MonitorCommands.cameOnline(context, client);
        String defaultRoom = context.config().get(ServerConfigKeys.DEFAULT_ROOM);
        if (context.config().get(ServerConfigKeys.DEFAULT_ROOM_AUTOJOIN) && !defaultRoom.isEmpty()) {
            RoomCommands.join(this, defaultRoom);
        }
        NickGuard.check(this);
        PrivateHistory.playWaiting(this); // logged in with SASL before registering: what waited for the account
    }

    @Override
    public void quit(String reason) {
        if (quit) {
            return;
        }
        quit = true;
        runner.clear();
        if (client.registered()) {
            if (!context.shuttingDown()) {
                OutboundLine line = OutboundLine.of(IrcMessage.from(client.prefix(), "QUIT", reason));
                List<Room> rooms = List.copyOf(client.rooms());
                context.history().inRooms(rooms, line, client.account());
                context.cluster().quit(client, rooms, line);
                for (Client peer : context.registry().remove(client)) {
                    peer.send(line);
                }
                MonitorCommands.wentOffline(context, client.nick()); // not at shutdown: the watchers leave too
            } else {
                context.registry().remove(client);
            }
            context.stats().registeredUserLeft();
            LOG.info("{} quit ({})", client.nick(), reason);
            String nick = client.nick();
            context.events().fire(l -> l.quit(nick, reason));
        } else {
            context.registry().releaseNick(client);
            if (!"*".equals(client.nick())) {
                context.cluster().releaseNick(client, client.nick());
            }
            LOG.info("{} disconnected before registering ({})", client.address(), reason);
        }
        Outbound now = client.outbound(); // a labeled response in progress is sent before the ERROR
        if ("SendQ exceeded".equals(reason)) {
            now.abort(); // its queue is full already: more would only wait behind it
        } else {
            String error = "ERROR :Closing link: (" + client.user() + "@" + client.host() + ") [" + reason + "]\r\n";
            now.close(error.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public void kick(String by, String reason) {
        if (quit) {
            return;
        }
        if (client.registered()) {
            for (Room room : List.copyOf(client.rooms())) {
                OutboundLine line = OutboundLine.of(IrcMessage.from(by, "KICK", room.name(), client.nick(), reason),
                        java.util.Map.of(), context.history().nextTime(room.key()));
                room.broadcast(line, null, context.stats());
                context.history().room(room.key(), line, null);
                context.registry().part(client, room);
                context.cluster().kicked(room, client, line);
                String nick = client.nick();
                context.events().fire(l -> l.kicked(nick, room.name(), by, reason));
            }
        }
        LOG.info("{} kicked off the server by {} ({})", client.nick(), by, reason);
        quit("Kicked by " + by + ": " + reason);
    }

    @Override
    public void lostNick() {
        if (quit || !client.registered()) {
            return;
        }
        String nick = client.nick();
        replyText(Numeric.ERR_NICKNAMEINUSE, "Nickname is already in use on another node of this network", nick);
        String guest = NickGuard.toGuest(this);
        if (guest != null) {
            LOG.info("{} renamed to {}: a user of another node claimed the nick first", nick, guest);
        }
    }

    String serverName() {
        return context.config().get(ServerConfigKeys.SERVER_NAME);
    }
}
