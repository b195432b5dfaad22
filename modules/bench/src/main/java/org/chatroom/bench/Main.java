package org.chatroom.bench;

/** Entry point of chat-bench: see {@link BenchCli}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(new BenchCli(System.out, System.err).run(args));
    }
}
