package org.chatroom.server.cluster;

import org.chatroom.server.state.Client;
import org.chatroom.server.state.ClientControl;

/**
 * What ends a ghost's session: its node. A kill (admin {@code kick}, IRC KILL) of a user of another node
 * is sent to that node's inbox and done there; the QUIT then comes back like any other.
 */
final class GhostControl implements ClientControl {
    private final RedisCluster cluster;
    private final Client ghost;

    GhostControl(RedisCluster cluster, Client ghost) {
        this.cluster = cluster;
        this.ghost = ghost;
    }

    @Override
    public void quit(String reason) {
        cluster.killRemote(ghost, "", reason, false);
    }

    @Override
    public void kick(String by, String reason) {
        cluster.killRemote(ghost, by, reason, true);
    }
}
