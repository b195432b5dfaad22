package org.chatroom.server.command;

/** Registration state of one connection; confined to its event loop. */
public final class Registration {
    /** True while CAP LS/REQ is open: registration waits for CAP END. */
    public boolean capNegotiating;
    public boolean passwordAccepted;
    public boolean nickGiven;
    public boolean userGiven;
    /** 302 if the client sent {@code CAP LS 302}. */
    public int capVersion;

    public boolean ready() {
        return nickGiven && userGiven && !capNegotiating;
    }
}
