package org.chatroom.server.state;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.chatroom.protocol.Mask;
import org.chatroom.protocol.Numeric;
import org.chatroom.server.core.OutboundLine;
import org.chatroom.server.core.ServerStats;

/**
 * A room: its name, topic, modes, bans and members.
 *
 * <p>Threading: every change (membership, standing, modes, topic, bans, invitations) and every
 * decision that leads to one is made under the {@link ChatRegistry} lock; reads are lock-free. For
 * delivery the members are also kept in one {@link LaneGroup} per lane, which only that lane
 * touches: a change schedules a sync on the member's lane, so a message fans out with one task per
 * lane and no lock, and a join or leave costs O(1).
 */
public final class Room {
    /** Most bans (+b) one room holds. */
    public static final int MAX_BANS = 100;

    private final String name;
    private final String key;
    private final boolean configured;
    private final long createdAtMillis = System.currentTimeMillis();
    private final Map<Client, Member> standing = new ConcurrentHashMap<>();
    private final LinkedHashMap<Client, Member> ordered = new LinkedHashMap<>(); // lock held; join order for NAMES
    // lock held: the members that are not quiet, in the order they were announced; what NAMES shows a
    // non-operator, so a JOIN to a room of 10,000 quiet members costs O(shown), not O(members)
    private final LinkedHashMap<Client, Member> loud = new LinkedHashMap<>();
    private final List<BanEntry> bans = new CopyOnWriteArrayList<>();
    private final Set<Client> invited = ConcurrentHashMap.newKeySet();
    private final Set<Client> operators = ConcurrentHashMap.newKeySet(); // lock held to change
    private final RoomFanout fanout = new RoomFanout(this);
    private volatile Topic topic;
    private volatile RoomModes modes = RoomModes.DEFAULT;
    private volatile String owner; // the account that registered the room (+r), as registered; null = none
    private volatile int banEpoch;
    private final ExceptionList banExceptions = new ExceptionList(() -> banEpoch++); // lock held: one writer
    private final ExceptionList inviteExceptions = new ExceptionList(() -> { });
    private final Object lock;

    /** {@code lock} is the registry's: the one lock every change of shared state takes. */
    Room(String name, boolean configured, Topic topic, Object lock) {
        this.lock = lock;
        this.name = name;
        this.key = ChatRegistry.MAPPING.fold(name);
        this.configured = configured;
        this.topic = topic;
    }

    public String name() {
        return name;
    }

    /** The name folded by the registry's case rules: the room's key in the registry and in history. */
    public String key() {
        return key;
    }

    /**
     * Whether {@code c} may read this room's history: a member, or someone who could join it now
     * (not banned, not kept out by +i or +k; a full room still counts). Reads only: no lock needed.
     */
    public boolean mayReadHistory(Client c) {
        if (contains(c) || c.serverOperator() || isOwner(c)) {
            return true;
        }
        boolean inv = invited.contains(c);
        if (!inv && matchesBan(c.prefix(), c.account())) {
            return false;
        }
        if (modes.inviteOnly() && !inv && !inviteExceptions.matches(c.prefix(), c.account())) {
            return false;
        }
        return modes.key() == null;
    }

    /** Rooms of the configuration (the default room, {@code rooms.permanent}): they exist with no members. */
    public boolean configured() {
        return configured;
    }

    /**
     * Configured or registered (+r): the room exists with no members, is never removed, and its
     * state is kept in the store across restarts.
     */
    public boolean permanent() {
        return configured || owner != null;
    }

    /** The account that registered the room (+r), as registered; null if nobody did. */
    public String owner() {
        return owner;
    }

    /** Registry lock held (or start-up, before any user). */
    public void owner(String account) {
        this.owner = account;
    }

    /** Whether {@code c} is logged in to the account that registered the room (account names fold like nicks). */
    public boolean isOwner(Client c) {
        String o = owner;
        String a = c.account();
        return o != null && a != null && ChatRegistry.MAPPING.fold(o).equals(ChatRegistry.MAPPING.fold(a));
    }

    public long createdAtMillis() {
        return createdAtMillis;
    }

    public Topic topic() {
        return topic;
    }

    /** Registry lock held (or start-up, before any user). */
    public void topic(Topic newTopic) {
        this.topic = newTopic;
    }

    /** The members at this instant, in join order: a copy, O(members). */
    public List<Client> members() {
        synchronized (lock) {
            return List.copyOf(ordered.keySet());
        }
    }

    public int size() {
        return standing.size();
    }

    public boolean contains(Client c) {
        return standing.containsKey(c);
    }

    boolean isMember(Client c) {
        return standing.containsKey(c);
    }

    /** {@code c}'s standing, or null if not a member. */
    public Membership membership(Client c) {
        Member m = standing.get(c);
        return m == null ? null : m.standing;
    }

    public boolean isOperator(Client c) {
        Membership m = membership(c);
        return m != null && m.op();
    }

    /** The members with +o now, a read-only view. */
    public Set<Client> operators() {
        return java.util.Collections.unmodifiableSet(operators);
    }

    /**
     * Marks {@code c} as joined without an announcement to everyone (a large room: only operators and
     * {@code c} saw the JOIN), until {@link #announce} is called for it. On {@code c}'s lane, right
     * after it joined.
     */
    public void hush(Client c) {
        synchronized (lock) {
            Member m = standing.get(c);
            if (m != null && !m.quiet.getAndSet(true)) {
                loud.remove(c);
            }
        }
    }

    /** Whether {@code c} joined unannounced and has not spoken since. */
    public boolean quiet(Client c) {
        Member m = standing.get(c);
        return m != null && m.quiet.get();
    }

    /** Ends {@code c}'s quiet; true for the one caller that ended it (who must announce the JOIN). */
    public boolean announce(Client c) {
        Member m = standing.get(c);
        if (m == null || !m.quiet.compareAndSet(true, false)) {
            return false;
        }
        synchronized (lock) {
            if (standing.get(c) == m) {
                loud.put(c, m);
            }
        }
        return true;
    }

    /** A member as NAMES and WHO show it. */
    public record Shown(Client client, Membership standing) {
    }

    /**
     * The members {@code viewer} is shown, with their standing: everyone in join order if {@code all},
     * else the members who are not quiet (in the order they were announced) and {@code viewer}
     * itself. One pass under the lock over what is shown only: in a room of 10,000 quiet members
     * that is what keeps a JOIN's NAMES cheap.
     */
    public List<Shown> shownTo(Client viewer, boolean all) {
        synchronized (lock) {
            Map<Client, Member> from = all ? ordered : loud;
            List<Shown> out = new java.util.ArrayList<>(from.size() + 1);
            for (Map.Entry<Client, Member> e : from.entrySet()) {
                out.add(new Shown(e.getKey(), e.getValue().standing));
            }
            Member self = all ? null : standing.get(viewer);
            if (self != null && self.quiet.get()) {
                out.add(new Shown(viewer, self.standing));
            }
            return out;
        }
    }

    /**
     * Who hears about {@code c}'s changes (NICK, QUIT, host, account) because of this room: everyone,
     * or only the operators while {@code c} is quiet here.
     */
    public java.util.Collection<Client> audienceOf(Client c) {
        return quiet(c) ? List.copyOf(operators) : members();
    }

    public RoomModes modes() {
        return modes;
    }

    /** Registry lock held (or start-up, before any user). */
    public void modes(RoomModes newModes) {
        this.modes = newModes;
    }

    /** +s and {@code c} is not in the room: LIST, NAMES, WHO and WHOIS do not show it (server operators see all). */
    public boolean hiddenFrom(Client c) {
        return modes.secret() && !contains(c) && !c.serverOperator();
    }

    /** The ban list, read-only; change it with {@link #addBan} and {@link #removeBan}. */
    public List<BanEntry> bans() {
        return java.util.Collections.unmodifiableList(bans);
    }

    /** Registry lock held (or start-up). False when the mask is there already. */
    public boolean addBan(BanEntry ban) {
        if (bans.stream().anyMatch(b -> b.mask().equals(ban.mask()))) {
            return false;
        }
        bans.add(ban);
        banEpoch++;
        return true;
    }

    /** Registry lock held. False when no such mask was set. */
    public boolean removeBan(Mask mask) {
        boolean removed = bans.removeIf(b -> b.mask().equals(mask));
        if (removed) {
            banEpoch++;
        }
        return removed;
    }

    /** +e: masks that no ban applies to. */
    public ExceptionList banExceptions() {
        return banExceptions;
    }

    /** +I: masks that pass +i without an invitation. */
    public ExceptionList inviteExceptions() {
        return inviteExceptions;
    }

    /** Whether a ban matches {@code c}; for members the answer is cached until the bans or its nick change. */
    public boolean isBanned(Client c) {
        Member m = standing.get(c);
        int epoch = banEpoch;
        String prefix = c.prefix();
        String account = c.account();
        if (m != null) {
            BanCheck cached = m.banCheck;
            if (cached != null && cached.validFor(epoch, prefix, account)) {
                return cached.banned();
            }
        }
        boolean banned = matchesBan(prefix, account);
        if (m != null) {
            m.banCheck = new BanCheck(epoch, prefix, account, banned);
        }
        return banned;
    }

    private boolean matchesBan(String prefix, String account) {
        for (BanEntry b : bans) {
            if (b.mask().matches(prefix, account)) {
                return !banExceptions.matches(prefix, account);
            }
        }
        return false;
    }

    /** Invited users: past +i, +b and +l until they join. */
    public Set<Client> invited() {
        return invited;
    }

    /** Registry lock held: why {@code c} may not join with {@code key}, or null if it may. */
    Numeric refusal(Client c, String key) {
        if (c.serverOperator() || isOwner(c)) { // nobody locks the owner out of their room
            return null;
        }
        boolean inv = invited.contains(c);
        if (!inv && matchesBan(c.prefix(), c.account())) {
            return Numeric.ERR_BANNEDFROMCHAN;
        }
        if (modes.inviteOnly() && !inv && !inviteExceptions.matches(c.prefix(), c.account())) {
            return Numeric.ERR_INVITEONLYCHAN;
        }
        if (modes.key() != null && !modes.key().equals(key)) {
            return Numeric.ERR_BADCHANNELKEY;
        }
        if (modes.limit() > 0 && standing.size() >= modes.limit() && !inv) { // an invitation is a seat
            return Numeric.ERR_CHANNELISFULL;
        }
        return null;
    }

    /** Registry lock held. */
    void add(Client c, Membership m) {
        Member member = new Member(m);
        standing.put(c, member);
        ordered.put(c, member);
        loud.put(c, member);
        invited.remove(c);
        if (m.op()) {
            operators.add(c);
        }
        syncOnLane(c);
    }

    /** Registry lock held: changes a member's standing; false if {@code c} is not a member. */
    boolean setMembership(Client c, Membership m) {
        Member member = standing.get(c);
        if (member == null) {
            return false;
        }
        member.standing = m;
        if (m.op()) {
            operators.add(c);
        } else {
            operators.remove(c);
        }
        return true;
    }

    /** Registry lock held. */
    boolean remove(Client c) {
        boolean removed = standing.remove(c) != null;
        ordered.remove(c);
        loud.remove(c);
        invited.remove(c);
        operators.remove(c);
        if (removed) {
            syncOnLane(c);
        }
        return removed;
    }

    private void syncOnLane(Client c) {
        fanout.sync(c);
    }

    /**
     * Delivers {@code line} to every member but {@code except} (null for all). Members on the
     * caller's lane get it now; others get it queued on their lane before this returns, so a
     * sender's next line is always handled after this one is queued to everyone.
     */
    public void broadcast(OutboundLine line, Client except, ServerStats stats) {
        fanout.deliver(line, except, false, stats);
    }

    /** Like {@link #broadcast}, to the members who are not operators (they saw it already) but {@code except}. */
    public void broadcastToNonOperators(OutboundLine line, Client except, ServerStats stats) {
        fanout.deliver(line, except, true, stats);
    }

    /** {@code line} to {@code c} and the operators only: what a quiet member's JOIN, PART or KICK is. */
    public void toOperatorsAnd(Client c, OutboundLine line) {
        c.send(line);
        for (Client op : operators) {
            if (op != c) {
                op.send(line);
            }
        }
    }

    /**
     * Like {@link #broadcast} but queued on every lane, the caller's too. Called under the registry
     * lock for changes of state (TOPIC, MODE), it makes every member see racing changes in the one
     * order they were made: lanes run their queues in order, and the lock orders the queuing.
     */
    public void broadcastInOrder(OutboundLine line, ServerStats stats) {
        fanout.inOrder(line, stats);
    }

    @Override
    public String toString() {
        return name;
    }
}
