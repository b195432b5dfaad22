package org.chatroom.server.state;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.chatroom.protocol.Mask;
import org.chatroom.protocol.Numeric;
import org.chatroom.server.core.Lane;
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
    private final List<BanEntry> bans = new CopyOnWriteArrayList<>();
    private final Set<Client> invited = ConcurrentHashMap.newKeySet();
    private volatile LaneGroup[] groups = new LaneGroup[0];
    private volatile Topic topic;
    private volatile RoomModes modes = RoomModes.DEFAULT;
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
        if (contains(c) || c.serverOperator()) {
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

    /** Configured rooms (the default room, permanent rooms) exist with no members and are never removed. */
    public boolean configured() {
        return configured;
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
        if (c.serverOperator()) {
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
        invited.remove(c);
        syncOnLane(c);
    }

    /** Registry lock held: changes a member's standing; false if {@code c} is not a member. */
    boolean setMembership(Client c, Membership m) {
        Member member = standing.get(c);
        if (member == null) {
            return false;
        }
        member.standing = m;
        return true;
    }

    /** Registry lock held. */
    boolean remove(Client c) {
        boolean removed = standing.remove(c) != null;
        ordered.remove(c);
        invited.remove(c);
        if (removed) {
            syncOnLane(c);
        }
        return removed;
    }

    private void syncOnLane(Client c) {
        if (c.ghost()) {
            return; // its own node delivers to it: no lane group, no task, nothing per message here
        }
        LaneGroup g = groupOf(c.lane());
        g.lane().run(() -> g.sync(c));
    }

    /** Registry lock held; lanes are few and fixed, so the array is copied only when a lane first appears. */
    private LaneGroup groupOf(Lane lane) {
        LaneGroup[] gs = groups;
        for (LaneGroup g : gs) {
            if (g.lane() == lane) {
                return g;
            }
        }
        LaneGroup g = new LaneGroup(this, lane);
        LaneGroup[] next = java.util.Arrays.copyOf(gs, gs.length + 1);
        next[gs.length] = g;
        groups = next;
        return g;
    }

    /**
     * Delivers {@code line} to every member but {@code except} (null for all). Members on the
     * caller's lane get it now; others get it queued on their lane before this returns, so a
     * sender's next line is always handled after this one is queued to everyone.
     */
    public void broadcast(OutboundLine line, Client except, ServerStats stats) {
        for (LaneGroup g : groups) {
            if (g.lane().inLane()) {
                g.deliver(line, except, stats);
            } else {
                g.lane().execute(() -> g.deliver(line, except, stats));
            }
        }
    }

    /**
     * Like {@link #broadcast} but queued on every lane, the caller's too. Called under the registry
     * lock for changes of state (TOPIC, MODE), it makes every member see racing changes in the one
     * order they were made: lanes run their queues in order, and the lock orders the queuing.
     */
    public void broadcastInOrder(OutboundLine line, ServerStats stats) {
        for (LaneGroup g : groups) {
            g.lane().execute(() -> g.deliver(line, null, stats));
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
