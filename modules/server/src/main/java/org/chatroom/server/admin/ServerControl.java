package org.chatroom.server.admin;

import java.util.function.Supplier;
import org.chatroom.server.config.ServerConfig;
import org.chatroom.server.context.ServerContext;

/** What the admin console may do to the daemon it runs in; the daemon implements it. */
public interface ServerControl {
    ServerContext context();

    /** Where {@code reload} re-reads the configuration from, or null when there is no file. */
    Supplier<ServerConfig> configSource();

    /** Stops the daemon (the {@code shutdown} command). */
    void close();
}
