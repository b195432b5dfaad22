package org.chatroom.server.admin;

import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.chatroom.protocol.Ctcp;
import org.chatroom.server.event.ChatListener;

/**
 * One {@code monitor} stream. Events arrive on the event loops and are only queued here (the loops
 * never wait for an admin); the session's writer takes them off. Past {@code limit} queued events
 * the admin is too slow: the stream ends and {@code onOverflow} runs once.
 * Each event is a map: {@code time}, {@code event}, then its fields, free text last.
 */
final class Monitor implements ChatListener {
    private static final Map<String, Object> STOP = Map.of();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final LinkedBlockingQueue<Map<String, Object>> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean overflowed = new AtomicBoolean();
    private final int limit;
    private final boolean json;
    private final Runnable onOverflow;

    Monitor(int limit, boolean json, Runnable onOverflow) {
        this.limit = limit;
        this.json = json;
        this.onOverflow = onOverflow;
    }

    @Override
    public void connected(String address) {
        event("connect", "addr", address);
    }

    @Override
    public void registered(String nick, String address) {
        event("register", "nick", nick, "addr", address);
    }

    @Override
    public void joined(String nick, String room) {
        event("join", "room", room, "nick", nick);
    }

    @Override
    public void parted(String nick, String room, String reason) {
        event("part", "room", room, "nick", nick, "reason", reason);
    }

    @Override
    public void quit(String nick, String reason) {
        event("quit", "nick", nick, "reason", reason);
    }

    @Override
    public void nickChanged(String oldNick, String newNick) {
        event("nick", "nick", oldNick, "new", newNick);
    }

    @Override
    public void kicked(String nick, String room, String by, String reason) {
        event("kick", "room", room, "nick", nick, "by", by, "reason", reason);
    }

    @Override
    public void topicChanged(String nick, String room, String topic) {
        event("topic", "room", room, "nick", nick, "topic", topic);
    }

    @Override
    public void roomMessage(String nick, String room, String text) {
        if (Ctcp.isAction(text)) { // a /me: its own event, without the CTCP wrapping
            event("action", "room", room, "nick", nick, "text", Ctcp.actionText(text));
        } else {
            event("msg", "room", room, "nick", nick, "text", text);
        }
    }

    private void event(String kind, Object... fields) {
        if (overflowed.get()) {
            return;
        }
        if (queued.incrementAndGet() > limit) {
            if (overflowed.compareAndSet(false, true)) {
                queue.offer(STOP);
                onOverflow.run();
            }
            return;
        }
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("time", json ? Instant.now().truncatedTo(ChronoUnit.MILLIS).toString()
                : LocalTime.now().format(TIME));
        e.put("event", kind);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            e.put((String) fields[i], fields[i + 1] == null ? "" : fields[i + 1]);
        }
        queue.offer(e);
    }

    /** Ends the stream: the writer's next {@link #next} returns null. */
    void stop() {
        queue.offer(STOP);
    }

    boolean overflowed() {
        return overflowed.get();
    }

    /** The next event as one line, waiting for it; null once stopped. */
    String next() throws InterruptedException {
        Map<String, Object> e = queue.take();
        if (e == STOP) {
            queue.offer(STOP);
            return null;
        }
        queued.decrementAndGet();
        return json ? Json.write(e) : plain(e);
    }

    /** {@code 14:02:11 msg room=#lobby nick=alice text=hello there}: the time and event name are bare. */
    private static String plain(Map<String, Object> e) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Object> f : e.entrySet()) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            if (f.getKey().equals("time") || f.getKey().equals("event")) {
                sb.append(f.getValue());
            } else {
                sb.append(f.getKey()).append('=').append(AdminReply.oneLine(String.valueOf(f.getValue())));
            }
        }
        return sb.toString();
    }
}
