package org.chatroom.server.user;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.server.ServerStats;
import org.chatroom.server.net.LoopWriter;
import org.chatroom.server.net.OutboundLine;
import org.chatroom.server.room.Room;

/**
 * One connected user. Fields other threads read (nick, prefix, caps, away, rooms) are volatile or
 * concurrent; everything else is touched only on the client's own event loop. Membership and the
 * nick are changed only by {@link org.chatroom.server.ChatRegistry} under its lock.
 */
public final class Client {
    private final Channel channel;
    private final LoopWriter writer;
    private final ServerStats stats;
    private final String address;
    private final String host;
    private final boolean tls;
    private final long connectedAtMillis = System.currentTimeMillis();
    private final Set<Room> rooms = ConcurrentHashMap.newKeySet();

    private volatile String nick = "*";
    private volatile String user = "*";
    private volatile String realName = "";
    private volatile String prefix = "*";
    private volatile boolean registered;
    private volatile boolean serverTime;
    private volatile boolean echoMessage;
    private volatile boolean multiPrefix;
    private volatile String away;
    private volatile boolean invisible;
    private volatile boolean serverOperator;
    private volatile boolean inviteNotify;
    private volatile boolean awayNotify;
    private volatile boolean messageTags;
    private volatile boolean capNotify;
    private volatile long lastMessageAtMillis = connectedAtMillis;
    private volatile long messagesSent;
    private volatile ClientControl control = new ClientControl() {
        @Override
        public void quit(String reason) {
        }

        @Override
        public void kick(String by, String reason) {
        }
    };
    private boolean sendQueueExceeded;

    /** Only {@link LoopWriter} touches these, on the client's loop. */
    public boolean flushPending;
    public ByteBuf pending;

    public Client(Channel channel, LoopWriter writer, ServerStats stats, String address, boolean tls) {
        this.tls = tls;
        this.channel = channel;
        this.writer = writer;
        this.stats = stats;
        this.address = address;
        // A host starting with ':' (IPv6 "::1") would read as a trailing parameter in WHO replies.
        this.host = address.startsWith(":") ? "0" + address : address;
    }

    /** Sends one line to this client from any thread. */
    public void send(IrcMessage message) {
        ByteBuf buf = OutboundLine.encodeFor(message, this);
        if (writer.loop().inEventLoop()) {
            writer.write(this, buf);
        } else {
            writer.loop().execute(() -> writer.write(this, buf));
        }
        stats.messagesOut(1);
    }

    /** Sends an already-encoded line from any thread; the caller keeps its own reference. */
    public void send(OutboundLine line) {
        if (writer.loop().inEventLoop()) {
            writer.append(this, line.variantFor(this));
        } else {
            ByteBuf buf = line.bufFor(this);
            writer.loop().execute(() -> writer.write(this, buf));
        }
        stats.messagesOut(1);
    }

    /** Called by the writer when the outbound buffer passes the limit: the client is dropped once. */
    public void sendQueueExceeded() {
        if (!sendQueueExceeded) {
            sendQueueExceeded = true;
            stats.slowClientDropped();
            writer.loop().execute(() -> control.quit("SendQ exceeded"));
        }
    }

    /** True once the send queue passed its limit: nothing more is queued, the client is on its way out. */
    public boolean isOverflowing() {
        return sendQueueExceeded;
    }

    public void control(ClientControl handler) {
        this.control = handler;
    }

    /** Disconnects this client from any thread, telling the rooms {@code reason}. */
    public void disconnect(String reason) {
        writer.loop().execute(() -> control.quit(reason));
    }

    /** Kicks this client off the server from any thread: KICK in each room by {@code by}, then ERROR. */
    public void kick(String by, String reason) {
        writer.loop().execute(() -> control.kick(by, reason));
    }

    public Channel channel() {
        return channel;
    }

    public LoopWriter writer() {
        return writer;
    }

    public String address() {
        return address;
    }

    /** True if this client connected to the TLS listener. */
    public boolean tls() {
        return tls;
    }

    public String host() {
        return host;
    }

    public long connectedAtMillis() {
        return connectedAtMillis;
    }

    public String nick() {
        return nick;
    }

    public String user() {
        return user;
    }

    public String realName() {
        return realName;
    }

    /** {@code nick!user@host}. */
    public String prefix() {
        return prefix;
    }

    /** Set by the registry under its lock. */
    public void nick(String newNick) {
        this.nick = newNick;
        this.prefix = newNick + "!" + user + "@" + host;
    }

    public void user(String userName, String real) {
        this.user = userName;
        this.realName = real;
        this.prefix = nick + "!" + user + "@" + host;
    }

    public boolean registered() {
        return registered;
    }

    public void markRegistered() {
        this.registered = true;
    }

    public Set<Room> rooms() {
        return Collections.unmodifiableSet(rooms);
    }

    /** Registry only. */
    public Set<Room> mutableRooms() {
        return rooms;
    }

    public boolean serverTime() {
        return serverTime;
    }

    public void serverTime(boolean on) {
        this.serverTime = on;
    }

    public boolean echoMessage() {
        return echoMessage;
    }

    public void echoMessage(boolean on) {
        this.echoMessage = on;
    }

    public boolean multiPrefix() {
        return multiPrefix;
    }

    public void multiPrefix(boolean on) {
        this.multiPrefix = on;
    }

    public String away() {
        return away;
    }

    public void away(String message) {
        this.away = message;
    }

    /** User mode +i: kept and reported; every user is still listed by WHO and NAMES. */
    public boolean invisible() {
        return invisible;
    }

    public void invisible(boolean on) {
        this.invisible = on;
    }

    /** A server operator (OPER): may act as operator in every room, KILL, and gets WALLOPS. */
    public boolean serverOperator() {
        return serverOperator;
    }

    public void serverOperator(boolean on) {
        this.serverOperator = on;
    }

    public boolean inviteNotify() {
        return inviteNotify;
    }

    public void inviteNotify(boolean on) {
        this.inviteNotify = on;
    }

    public boolean awayNotify() {
        return awayNotify;
    }

    public void awayNotify(boolean on) {
        this.awayNotify = on;
    }

    /** IRCv3 message-tags: the client takes client-only tags, TAGMSG and msgid. */
    public boolean messageTags() {
        return messageTags;
    }

    public void messageTags(boolean on) {
        this.messageTags = on;
    }

    public boolean capNotify() {
        return capNotify;
    }

    public void capNotify(boolean on) {
        this.capNotify = on;
    }

    public long lastMessageAtMillis() {
        return lastMessageAtMillis;
    }

    public long messagesSent() {
        return messagesSent;
    }

    /** Own loop only: a PRIVMSG/NOTICE the user sent, for idle time and the admin's counters. */
    public void messageSent() {
        messagesSent++;
        lastMessageAtMillis = System.currentTimeMillis();
    }

    @Override
    public String toString() {
        return nick + "@" + address;
    }
}
