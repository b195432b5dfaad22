package org.chatroom.server.command;

import org.chatroom.protocol.IrcMessage;

/** One IRC command's behaviour. Runs on the sender's event loop; never blocks. */
@FunctionalInterface
public interface Command {
    void handle(Session session, IrcMessage message);
}
