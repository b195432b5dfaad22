package org.chatroom.bench.load;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * One generator thread: a {@link Selector} over its share of the clients (client numbers
 * {@code id, id + loops, id + 2*loops, ...}). It opens them on the global connect schedule,
 * registers and joins them, answers PINGs, sends for its senders and reads every line in place
 * from one shared buffer with {@link IrcLine}: no String per line. Received benchmark
 * messages go to its {@link DeliveryTracker}.
 */
final class IoLoop implements Runnable {
    private static final byte[] PRIVMSG = bytes("PRIVMSG");
    private static final byte[] PING = bytes("PING");
    private static final byte[] JOIN = bytes("JOIN");
    private static final byte[] ERROR = bytes("ERROR");
    private static final byte[] PONG_PREFIX = bytes("PONG :");
    private static final int READ_BUFFER = 128 * 1024;
    private static final int READS_PER_WAKE = 8;

    private final RunState run;
    private final BenchConfig cfg;
    private final int id;
    private final int loopCount;
    private final Selector selector;
    private final BenchClient[] clients;
    private int opened;
    private boolean connectFailed;

    private final byte[] rbuf = new byte[READ_BUFFER];
    private final ByteBuffer rbb = ByteBuffer.wrap(rbuf);
    private final IrcLine line = new IrcLine();
    private final Payload payload;
    private final byte[] room;
    private final byte[] joinLine;
    private final WsInput wsInput;

    private final int window;
    final DeliveryTracker tracker;
    final SendPacer pacer;
    final Histogram registerTime = Latency.histogram();
    long lastRegistered;
    long lastReady;
    volatile long progressDeliveries;
    /** Set once this loop has seen the end of sending: it will not send again. */
    volatile boolean sendingStopped;

    private long mStart;
    private long mEnd;

    IoLoop(RunState run, int id, int loopCount) throws IOException {
        this.run = run;
        this.cfg = run.config;
        this.id = id;
        this.loopCount = loopCount;
        this.selector = Selector.open();
        int owned = cfg.clients() / loopCount + (id < cfg.clients() % loopCount ? 1 : 0);
        this.clients = new BenchClient[owned];
        this.payload = new Payload(cfg.room(), cfg.payloadBytes(), run.runTag);
        this.room = bytes(cfg.room());
        this.joinLine = bytes("JOIN " + cfg.room());
        boolean ws = cfg.transport() == Transport.WS;
        this.wsInput = ws ? new WsInput(this) : null;
        int senderCount = run.senderClient.length;
        this.window = Math.max(1, cfg.inFlight());
        int stalledHere = 0;
        for (int j = 0; j < owned; j++) {
            stalledHere += cfg.isStalled(id + j * loopCount) ? 1 : 0;
        }
        int[] readers = new int[senderCount];
        for (int s = 0; s < senderCount; s++) {
            readers[s] = owned - stalledHere - (run.senderClient[s] % loopCount == id ? 1 : 0);
        }
        this.tracker = new DeliveryTracker(readers, window);
        List<BenchClient> senders = new ArrayList<>();
        for (int j = 0; j < owned; j++) {
            int index = id + j * loopCount;
            int sender = run.senderOf(index);
            int outBytes = sender >= 0 ? 64 * 1024 : 256;
            clients[j] = new BenchClient(index, cfg.nickPrefix() + Integer.toString(index, 36), sender, senderCount,
                    outBytes, ws, cfg.targetOf(index, sender >= 0));
            if (sender >= 0) {
                senders.add(clients[j]);
            }
        }
        this.pacer = new SendPacer(run, senders, payload, window);
    }

    long done(int sender) {
        return tracker.done(sender);
    }

    @Override
    public void run() {
        try {
            loop();
        } catch (IOException | RuntimeException e) {
            run.error("generator thread " + id + " failed: " + e);
        } finally {
            for (BenchClient c : clients) {
                c.close();
            }
            try {
                selector.close();
            } catch (IOException ignored) {
                // the loop is over either way
            }
        }
    }

    private void loop() throws IOException {
        while (true) {
            int phase = run.phase;
            if (phase >= RunState.DRAIN && !sendingStopped) {
                sendingStopped = true; // sendDue below only runs for an earlier phase read
            }
            if (phase == RunState.QUIT || run.now() > run.hardDeadline) {
                quitAll();
                return;
            }
            if (opened < clients.length && !connectFailed) {
                openDue();
            }
            boolean busy = opened < clients.length || phase == RunState.WARMUP || phase == RunState.MEASURE;
            mStart = run.measureStart;
            mEnd = run.measureEnd;
            selector.select(this::onKey, busy ? 1 : 10);
            if ((phase == RunState.WARMUP || phase == RunState.MEASURE) && !pacer.isEmpty()) {
                pacer.sendDue(mStart, mEnd, this::fail);
            }
            progressDeliveries = tracker.deliveries;
        }
    }

    /** Opens every client whose slot on the global schedule (client i at i / connectRate s) has come. */
    private void openDue() {
        long now = run.now();
        double perNano = cfg.connectRate() / 1e9;
        while (opened < clients.length) {
            BenchClient c = clients[opened];
            if (c.index > now * perNano) {
                return;
            }
            opened++;
            try {
                SocketChannel ch = SocketChannel.open();
                c.channel = ch;
                ch.configureBlocking(false);
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                c.connectStartNanos = run.now();
                if (ch.connect(c.target)) {
                    c.key = ch.register(selector, SelectionKey.OP_READ, c);
                    onConnected(c);
                } else {
                    c.key = ch.register(selector, SelectionKey.OP_CONNECT, c);
                }
            } catch (IOException e) {
                fail(c, "cannot connect to " + c.target + ": " + e.getMessage());
                if (String.valueOf(e.getMessage()).contains("Too many open files")) {
                    connectFailed = true;
                    int rest = clients.length - opened;
                    run.failed.addAndGet(rest);
                    run.error("too many open files after " + c.index + " connections: raise ulimit -n (chat-bench.sh"
                            + " raises it to the hard limit)");
                }
            }
        }
    }

    private void onConnected(BenchClient c) throws IOException {
        if (c.ws) {
            c.state = BenchClient.State.HANDSHAKE;
            c.handshake = new WsHandshake(BenchConfig.address(c.target), cfg.wsPath());
            c.queue(c.handshake.request());
        } else {
            register(c);
        }
        c.flush();
    }

    /** Sends NICK and USER (over TCP at once, over WebSocket once the upgrade is answered). */
    void register(BenchClient c) {
        c.state = BenchClient.State.REGISTERING;
        String n = c.nickText();
        c.line(bytes("NICK " + n));
        c.line(bytes("USER " + n + " 0 * :chat-bench"));
    }

    private void onKey(SelectionKey key) {
        BenchClient c = (BenchClient) key.attachment();
        try {
            if (!key.isValid()) {
                return;
            }
            if (key.isConnectable()) {
                c.channel.finishConnect();
                key.interestOps(SelectionKey.OP_READ);
                onConnected(c);
                return;
            }
            if (key.isReadable()) {
                read(c);
            }
            if (c.state != BenchClient.State.CLOSED && key.isValid() && key.isWritable()) {
                c.flush();
            }
        } catch (IOException e) {
            fail(c, c.state == BenchClient.State.CONNECTING
                    ? "cannot connect to " + c.target + ": " + e.getMessage()
                    : c.nickText() + ": " + e.getMessage());
        }
    }

    private void read(BenchClient c) throws IOException {
        int off = 0;
        if (c.carryLength > 0) {
            System.arraycopy(c.carry, 0, rbuf, 0, c.carryLength);
            off = c.carryLength;
            c.carryLength = 0;
        }
        for (int round = 0; round < READS_PER_WAKE; round++) {
            rbb.limit(rbuf.length).position(off);
            int n = c.channel.read(rbb);
            if (n < 0) {
                fail(c, c.nickText() + ": the server closed the connection");
                return;
            }
            if (n == 0) {
                break;
            }
            int end = off + n;
            int consumed = c.ws ? wsInput.consume(c, rbuf, end, run.now()) : lines(c, end, run.now());
            if (c.state == BenchClient.State.CLOSED) {
                return;
            }
            int rest = end - consumed;
            if (rest >= BenchClient.MAX_LINE) {
                fail(c, c.nickText() + ": the server sent a line longer than " + BenchClient.MAX_LINE + " bytes");
                return;
            }
            if (rest > 0 && consumed > 0) {
                System.arraycopy(rbuf, consumed, rbuf, 0, rest);
            }
            off = rest;
            if (end < rbuf.length) {
                break;
            }
        }
        if (off > 0) {
            c.keepTail(rbuf, 0, off);
        }
        if (c.hasPendingOutput()) {
            c.flush();
        }
    }

    /** Handles each complete line of {@code rbuf[0, end)}; returns where the unfinished tail starts. */
    private int lines(BenchClient c, int end, long now) {
        int start = 0;
        for (int i = 0; i < end; i++) {
            if (rbuf[i] != '\n') {
                continue;
            }
            int e = i > start && rbuf[i - 1] == '\r' ? i - 1 : i;
            if (e > start) {
                onLine(c, start, e, now);
                if (c.state == BenchClient.State.CLOSED) {
                    return end;
                }
            }
            start = i + 1;
        }
        return start;
    }

    /** One line of {@code rbuf[start, end)}, without CR LF, from {@code c}'s server. */
    void onLine(BenchClient c, int start, int end, long now) {
        if (!line.parse(rbuf, start, end)) {
            return;
        }
        if (line.commandIs(PRIVMSG)) {
            if (c.state == BenchClient.State.READY && line.paramCount() >= 2 && line.paramEqualsIgnoreCase(0, room)) {
                onMessage(c, now);
            }
            return;
        }
        if (line.commandIs(PING)) {
            c.beginLine();
            c.queue(PONG_PREFIX);
            if (line.paramCount() > 0) {
                c.queue(rbuf, line.paramStart(0), line.paramEnd(0) - line.paramStart(0));
            }
            c.endLine();
            return;
        }
        int numeric = line.numeric();
        if (numeric == 1 && c.state == BenchClient.State.REGISTERING) {
            onRegistered(c, now);
        } else if (numeric == 366 && c.state == BenchClient.State.JOINING && line.paramEqualsIgnoreCase(1, room)) {
            onReady(c, now);
        } else if (c.state == BenchClient.State.JOINING && line.commandIs(JOIN) && line.sourceNickIs(c.nick)
                && line.paramEqualsIgnoreCase(0, room)) {
            onReady(c, now);
        } else if (c.state == BenchClient.State.REGISTERING && isRegistrationError(numeric)) {
            fail(c, "registration of " + c.nickText() + " refused: " + numeric + " " + line.paramText(line.paramCount() - 1));
        } else if (c.state == BenchClient.State.JOINING && isJoinError(numeric) && line.paramEqualsIgnoreCase(1, room)) {
            fail(c, c.nickText() + " cannot join " + cfg.room() + ": " + numeric + " " + line.paramText(line.paramCount() - 1));
        } else if (line.commandIs(ERROR)) {
            fail(c, c.nickText() + ": server said ERROR " + line.paramText(0));
        }
    }

    private static boolean isRegistrationError(int n) {
        return n == 432 || n == 433 || n == 436 || n == 437 || n == 461 || n == 464 || n == 465;
    }

    private static boolean isJoinError(int n) {
        return n == 403 || n == 405 || n == 471 || n == 473 || n == 474 || n == 475 || n == 476 || n == 477;
    }

    private void onRegistered(BenchClient c, long now) {
        c.registeredNanos = now;
        Latency.record(registerTime, now - c.connectStartNanos);
        lastRegistered = Math.max(lastRegistered, now);
        run.registered.incrementAndGet();
        if (cfg.scenario().joinsRoom()) {
            c.state = BenchClient.State.JOINING;
            c.line(joinLine);
        } else {
            onReady(c, now);
        }
    }

    private void onReady(BenchClient c, long now) {
        c.state = BenchClient.State.READY;
        c.readyNanos = now;
        lastReady = Math.max(lastReady, now);
        run.ready.incrementAndGet();
        if (cfg.isStalled(c.index) && c.key != null && c.key.isValid()) {
            c.key.interestOps(0); // a consumer that stops reading: the server's send queue fills up
            c.state = BenchClient.State.STALLED;
        }
    }

    private void onMessage(BenchClient c, long now) {
        if (!payload.decode(rbuf, line.paramStart(1), line.paramEnd(1))) {
            return;
        }
        int s = payload.sender;
        if (s >= 0 && s < tracker.senders()) {
            tracker.received(c, s, payload.seq, payload.sentNanos, now, mStart, mEnd);
        }
    }

    void fail(BenchClient c, String why) {
        if (c.state == BenchClient.State.CLOSED) {
            return;
        }
        boolean wasReady = c.state == BenchClient.State.READY || c.state == BenchClient.State.STALLED;
        c.close();
        if (run.phase == RunState.QUIT) {
            return;
        }
        if (wasReady) {
            run.dropped.incrementAndGet();
        } else {
            run.failed.incrementAndGet();
        }
        run.error(why);
    }

    private void quitAll() {
        byte[] quit = bytes("QUIT :chat-bench done");
        for (BenchClient c : clients) {
            if (c.state != BenchClient.State.CLOSED && c.state != BenchClient.State.CONNECTING
                    && c.state != BenchClient.State.HANDSHAKE) {
                try {
                    c.line(quit);
                    c.flush();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            c.close();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
