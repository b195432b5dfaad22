package org.chatroom.server.admin;

import org.chatroom.server.context.ServerContext;
import org.chatroom.server.config.ServerConfigKeys;

/** What admin commands act on: the running daemon and its ban list. */
record AdminEnv(ServerControl server, BanList bans) {
    ServerContext context() {
        return server.context();
    }

    String serverName() {
        return context().config().get(ServerConfigKeys.SERVER_NAME);
    }
}
