package org.chatroom.server.command;

/** Registration state of one connection; confined to its lane. */
public final class Registration {
    private boolean capNegotiating;
    private boolean passwordAccepted;
    private boolean nickGiven;
    private boolean userGiven;
    private int capVersion;
    private final SaslExchange sasl = new SaslExchange();

    /** The SASL exchange in progress, if any (AUTHENTICATE works before and after registration). */
    public SaslExchange sasl() {
        return sasl;
    }

    /** True while CAP LS/REQ is open: registration waits for CAP END. */
    public boolean capNegotiating() {
        return capNegotiating;
    }

    public void capNegotiating(boolean on) {
        capNegotiating = on;
    }

    public boolean passwordAccepted() {
        return passwordAccepted;
    }

    public void passwordAccepted(boolean on) {
        passwordAccepted = on;
    }

    public boolean nickGiven() {
        return nickGiven;
    }

    public void nickGiven(boolean on) {
        nickGiven = on;
    }

    public boolean userGiven() {
        return userGiven;
    }

    public void userGiven(boolean on) {
        userGiven = on;
    }

    /** 302 if the client sent {@code CAP LS 302}. */
    public int capVersion() {
        return capVersion;
    }

    public void capVersion(int version) {
        capVersion = version;
    }

    public boolean ready() {
        return nickGiven && userGiven && !capNegotiating;
    }
}
