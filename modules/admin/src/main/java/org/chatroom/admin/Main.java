package org.chatroom.admin;

/** Entry point of {@code bin/chat-admin.sh}; {@link AdminCli} does the work and returns the exit status. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(new AdminCli(System.in, System.out, System.err).run(args));
    }
}
