package org.chatroom.swing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.chatroom.client.ChatEvent;
import org.chatroom.client.ChatListener;
import org.chatroom.client.ServerCertificate;

/** Connections that record what the presenter sends and let the test play the server's events. */
final class FakeGateways implements GatewayFactory {
    final List<Fake> opened = new ArrayList<>();
    final List<String> trusted = new ArrayList<>();

    static final class Fake implements ChatGateway {
        final String nick;
        final List<String> rooms;
        final ChatListener listener;
        final List<String> sent = new ArrayList<>();
        boolean connected = true;
        boolean closed;
        String quitReason;
        ServerCertificate rejected;

        Fake(String nick, List<String> rooms, ChatListener listener) {
            this.nick = nick;
            this.rooms = List.copyOf(rooms);
            this.listener = listener;
        }

        void emit(ChatEvent e) {
            listener.onEvent(e);
        }

        private boolean rec(String line) {
            if (connected) {
                sent.add(line);
            }
            return connected;
        }

        @Override
        public boolean say(String target, String text) {
            return rec("say " + target + " " + text);
        }

        @Override
        public boolean action(String target, String text) {
            return rec("action " + target + " " + text);
        }

        @Override
        public boolean join(String room) {
            return rec("join " + room);
        }

        @Override
        public boolean part(String room, String reason) {
            return rec("part " + room + " " + reason);
        }

        @Override
        public boolean names(String room) {
            return rec("names " + room);
        }

        @Override
        public boolean askTopic(String room) {
            return rec("topic? " + room);
        }

        @Override
        public boolean setTopic(String room, String text) {
            return rec("topic " + room + " " + text);
        }

        @Override
        public boolean changeNick(String newNick) {
            return rec("nick " + newNick);
        }

        @Override
        public boolean away(String message) {
            return rec("away " + message);
        }

        @Override
        public boolean history(String target, int lines) {
            return rec("history " + target + " " + lines);
        }

        @Override
        public boolean markRead(String target, java.time.Instant time) {
            return rec("markread " + target + " " + time);
        }

        @Override
        public CompletableFuture<?> quit(String reason) {
            quitReason = reason;
            connected = false;
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {
            closed = true;
            connected = false;
        }

        @Override
        public Optional<ServerCertificate> rejectedCertificate() {
            return Optional.ofNullable(rejected);
        }
    }

    @Override
    public ChatGateway open(String nick, List<String> rooms, ChatListener listener) {
        Fake f = new Fake(nick, rooms, listener);
        opened.add(f);
        return f;
    }

    @Override
    public String server() {
        return "chat.test:6667";
    }

    @Override
    public void trust(String sha256) {
        trusted.add(sha256);
    }

    Fake last() {
        return opened.get(opened.size() - 1);
    }
}
