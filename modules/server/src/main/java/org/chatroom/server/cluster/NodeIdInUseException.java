package org.chatroom.server.cluster;

/** Another running daemon holds this node's id (its lease in Redis is renewed by someone else). */
public final class NodeIdInUseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String node;

    public NodeIdInUseException(String node) {
        super("cluster.node.id=" + node + " is in use by another running daemon (its lease in Redis is being"
                + " renewed); give each node its own cluster.node.id", null, false, false);
        this.node = node;
    }

    public String node() {
        return node;
    }
}
