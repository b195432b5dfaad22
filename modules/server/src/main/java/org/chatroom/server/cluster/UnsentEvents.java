package org.chatroom.server.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What this node's users said while Redis was away (or as a publish failed): delivered here already, and
 * published for the other nodes once Redis is back, in the order said, with their own time and msgid (the
 * others skip what they filled from the history meanwhile). Bounded: past {@link #CAPACITY} the oldest is
 * dropped with a count the log reports, and only the history has it.
 */
final class UnsentEvents {
    static final int CAPACITY = 10_000;

    /** An event for a room's channel ({@code room} set) or for another node's inbox ({@code node} set). */
    record Unsent(String room, String node, ClusterEvent event) {
    }

    private final Map<String, Unsent> byMsgid = new LinkedHashMap<>();
    private long dropped;

    synchronized void toRoom(String roomKey, ClusterEvent e) {
        add(new Unsent(roomKey, null, e));
    }

    synchronized void toNode(String node, ClusterEvent e) {
        add(new Unsent(null, node, e));
    }

    private void add(Unsent u) {
        byMsgid.put(u.event().msgid(), u);
        if (byMsgid.size() > CAPACITY) {
            var first = byMsgid.keySet().iterator();
            first.next();
            first.remove();
            dropped++;
        }
    }

    synchronized boolean contains(String msgid) {
        return byMsgid.containsKey(msgid);
    }

    /** Everything kept, oldest first, and how many were dropped; both are cleared. */
    synchronized Taken take() {
        Taken t = new Taken(new ArrayList<>(byMsgid.values()), dropped);
        byMsgid.clear();
        dropped = 0;
        return t;
    }

    /** Puts back what could not be sent after all (Redis went away again), before anything newer. */
    synchronized void putBack(List<Unsent> unsent) {
        Map<String, Unsent> newer = new LinkedHashMap<>(byMsgid);
        byMsgid.clear();
        unsent.forEach(this::add);
        newer.values().forEach(this::add);
    }

    record Taken(List<Unsent> events, long dropped) {
    }
}
