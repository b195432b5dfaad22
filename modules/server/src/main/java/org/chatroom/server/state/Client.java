package org.chatroom.server.state;

import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.server.core.Cap;
import org.chatroom.server.core.Lane;
import org.chatroom.server.core.Outbound;
import org.chatroom.server.core.OutboundLine;
import org.chatroom.server.core.ServerStats;

/**
 * One connected user, whatever its transport. Fields other threads read (nick, prefix, caps, away,
 * rooms) are volatile or concurrent; everything else is touched only on the user's own lane.
 * Membership and the nick are changed only by {@link ChatRegistry} under its lock.
 */
public final class Client {
    private final Outbound transport;
    private Outbound out; // own lane only: the transport, or a labeled response collecting for it
    private final Lane lane;
    private final ServerStats stats;
    private final String address;
    private volatile String host;
    private final String remote;
    private final boolean tls;
    private final long connectedAtMillis = System.currentTimeMillis();
    private final Set<Room> rooms = ConcurrentHashMap.newKeySet();

    private volatile String nick = "*";
    private volatile String user = "*";
    private volatile String realName = "";
    private volatile String prefix = "*";
    private volatile boolean registered;
    private volatile int caps;
    private volatile String away;
    private volatile boolean invisible;
    private volatile boolean serverOperator;
    private volatile String account; // null = not logged in; set on the lane, read by WHOIS from any lane
    private volatile boolean bot;
    private volatile long lastMessageAtMillis = connectedAtMillis;
    private volatile long messagesSent;
    private volatile ClientControl control = ClientControl.NONE;
    private static final java.util.concurrent.atomic.AtomicLong SERIALS = new java.util.concurrent.atomic.AtomicLong();
    private final long serial = SERIALS.incrementAndGet();
    /** The node that owns this user when it is a ghost (a user of another node of the cluster); null = ours. */
    private final String node;

    /** {@code remote}: address and port as an operator reads them, e.g. {@code [::1]:5123}. */
    public Client(Outbound out, ServerStats stats, String address, String remote, boolean tls) {
        this(out, stats, address, remote, tls, null);
    }

    private Client(Outbound out, ServerStats stats, String address, String remote, boolean tls, String node) {
        this.node = node;
        this.transport = out;
        this.out = out;
        this.remote = remote;
        this.lane = out.lane();
        this.stats = stats;
        this.address = address;
        this.tls = tls;
        // A host starting with ':' (IPv6 "::1") would read as a trailing parameter in WHO replies.
        this.host = address.startsWith(":") ? "0" + address : address;
    }

    /**
     * A ghost: a user of the cluster node {@code node}, shown here (NAMES, WHO, WHOIS...) but written to
     * by its own node only. Its {@code out} writes nothing; it never joins a room's lane groups, so room
     * delivery pays nothing for it.
     */
    public static Client ghost(Outbound out, ServerStats stats, String node, String host) {
        Client g = new Client(out, stats, host, node, false, node);
        g.registered = true;
        return g;
    }

    /** The node owning this ghost, or null for a user connected here. */
    public String node() {
        return node;
    }

    /** True for a user of another node (see {@link #ghost}). */
    public boolean ghost() {
        return node != null;
    }

    /** A number no other client of this process has: tells two holders of one nick apart over time. */
    public long serial() {
        return serial;
    }

    /** Sends one line made for this user alone (a reply), from any thread. */
    public void send(IrcMessage message) {
        if (node == null) {
            write(OutboundLine.reply(message, caps));
        }
    }

    /** Sends a line shared with other recipients, from any thread. */
    public void send(OutboundLine line) {
        if (node == null) {
            write(line.bytesFor(caps));
        }
    }

    private void write(byte[] bytes) {
        if (lane.inLane()) {
            out.write(bytes);
        } else {
            lane.execute(() -> out.write(bytes));
        }
        stats.messagesOut(1);
    }

    /** The transport port; its methods are for this user's lane only. */
    public Outbound outbound() {
        return out;
    }

    /**
     * Own lane only: sends this user's output through {@code to} (a labeled response collecting the
     * replies to one command) until {@link #undivert()}. Delivery reads {@link #outbound()} per line,
     * so the hot path pays nothing for it.
     */
    public void divert(Outbound to) {
        this.out = to;
    }

    public void undivert() {
        this.out = transport;
    }

    public Lane lane() {
        return lane;
    }

    public void control(ClientControl session) {
        this.control = session;
    }

    /** Disconnects this client from any thread, telling the rooms {@code reason}. */
    public void disconnect(String reason) {
        lane.execute(() -> control.quit(reason));
    }

    /** Kicks this client off the server from any thread: KICK in each room by {@code by}, then ERROR. */
    public void kick(String by, String reason) {
        lane.execute(() -> control.kick(by, reason));
    }

    /** From any thread: the user's nick went to a user of another node; it gets 433 and a guest nick. */
    public void lostNick() {
        lane.execute(() -> control.lostNick());
    }

    public String address() {
        return address;
    }

    /** Address and port, for the admin console. */
    public String remote() {
        return remote;
    }

    /** True if this client connected over TLS. */
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

    /** {@code nick!user@host}; a new string object whenever nick or user change (ban caches rely on it). */
    public String prefix() {
        return prefix;
    }

    /** Set by the registry under its lock. */
    void nick(String newNick) {
        this.nick = newNick;
        this.prefix = newNick + "!" + user + "@" + host;
    }

    /** A ghost's user name, host and real name, from its node (registry lock held). */
    void ghostIdentity(String userName, String newHost, String real) {
        this.user = userName;
        this.host = newHost;
        this.realName = real;
        this.prefix = nick + "!" + user + "@" + host;
    }

    /** Set by the registry under its lock (an operator's CHGHOST): a new prefix, so ban caches see it. */
    void userAndHost(String userName, String newHost) {
        this.user = userName;
        this.host = newHost;
        this.prefix = nick + "!" + user + "@" + host;
    }

    /** SETNAME: the real name alone. */
    public void realName(String real) {
        this.realName = real;
    }

    public void user(String userName, String real) {
        this.user = userName;
        this.realName = real;
        this.prefix = nick + "!" + user + "@" + host;
    }

    /** The account this user is logged in to, or null. */
    public String account() {
        return account;
    }

    public void account(String name) {
        this.account = name;
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
    Set<Room> mutableRooms() {
        return rooms;
    }

    /** The negotiated capabilities as a mask of {@link Cap#bit()}. */
    public int caps() {
        return caps;
    }

    public boolean has(Cap cap) {
        return cap.in(caps);
    }

    /** Own lane only. */
    public void cap(Cap cap, boolean on) {
        caps = on ? caps | cap.bit() : caps & ~cap.bit();
    }

    public String away() {
        return away;
    }

    public void away(String message) {
        this.away = message;
    }

    /** User mode +i: WHO masks list the user only to those sharing a room with it (NAMES lists everyone). */
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

    /** User mode +B (IRCv3 bot-mode): marked in WHOIS (335) and WHO, and by a {@code bot} tag on its messages. */
    public boolean bot() {
        return bot;
    }

    public void bot(boolean on) {
        this.bot = on;
    }

    public long lastMessageAtMillis() {
        return lastMessageAtMillis;
    }

    public long messagesSent() {
        return messagesSent;
    }

    /** Own lane only: a PRIVMSG/NOTICE the user sent, for idle time and the admin's counters. */
    public void messageSent() {
        messagesSent++;
        lastMessageAtMillis = System.currentTimeMillis();
    }

    @Override
    public String toString() {
        return nick + "@" + address;
    }
}
