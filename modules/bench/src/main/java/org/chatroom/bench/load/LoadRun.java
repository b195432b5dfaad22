package org.chatroom.bench.load;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.HdrHistogram.Histogram;

/**
 * Runs one scenario: starts the I/O loops, steps them through connect → warm-up → measure →
 * drain (or connect → hold), prints a progress line every second, stops everything and gathers
 * the numbers. Every wait is bounded, so a run always ends on its own.
 */
public final class LoadRun {
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final BenchConfig cfg;
    private final PrintStream progress;
    private final ProcSampler server;
    private RunState run;
    private IoLoop[] loops;
    private long lastProgress;
    private long lastDeliveries;
    private boolean allReady;
    private long window;
    private double serverCores = -1;
    private double generatorCores = -1;
    private long rss = -1;

    /**
     * @param progress where the once-a-second progress line goes (stderr), or null for none
     * @param serverPid the server's process id to sample CPU and memory from, or -1
     */
    public LoadRun(BenchConfig cfg, PrintStream progress, long serverPid) {
        this.cfg = cfg;
        this.progress = progress;
        this.server = serverPid > 0 ? new ProcSampler(serverPid) : null;
    }

    public RunResult run() throws IOException {
        run = new RunState(cfg);
        int threads = Math.max(1, Math.min(cfg.threads(), cfg.clients()));
        loops = new IoLoop[threads];
        for (int i = 0; i < threads; i++) {
            loops[i] = new IoLoop(run, i, threads);
        }
        run.loops(loops);
        Thread[] workers = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            workers[i] = new Thread(loops[i], "chat-bench-io-" + i);
            workers[i].setDaemon(true);
            workers[i].start();
        }
        try {
            drive();
        } finally {
            run.phase = RunState.QUIT;
            for (Thread t : workers) {
                try {
                    t.join(TimeUnit.SECONDS.toMillis(10));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        // Joined: the loops' counters are final and visible here.
        return collect();
    }

    private void drive() {
        boolean room = cfg.scenario().joinsRoom();
        long connectNanos = (long) (1e9 * cfg.clients() / Math.max(1, cfg.connectRate()));
        long setupDeadline = connectNanos + cfg.setupTimeout().toNanos();
        boolean setupFailFast = room;
        waitUntil(() -> run.ready.get() + run.failed.get() >= cfg.clients()
                || (setupFailFast && run.failed.get() > 0), setupDeadline);
        allReady = run.ready.get() == cfg.clients();
        double cpu0 = -1;
        double gen0 = -1;
        long wStart = run.now();
        long wEnd = wStart;
        if (!room) {
            run.phase = RunState.HOLD;
            wStart = run.now();
            cpu0 = serverCpu();
            gen0 = generatorCpu();
            waitUntil(() -> false, wStart + cfg.duration().toNanos());
            wEnd = run.now();
        } else if (allReady && run.senderClient.length > 0) {
            run.sendStart = run.now();
            run.phase = RunState.WARMUP;
            waitUntil(() -> run.dropped.get() > 0, run.now() + cfg.warmup().toNanos());
            wStart = run.now();
            run.measureStart = wStart;
            run.phase = RunState.MEASURE;
            cpu0 = serverCpu();
            gen0 = generatorCpu();
            waitUntil(() -> run.dropped.get() > 0, wStart + cfg.duration().toNanos());
            wEnd = run.now();
            run.measureEnd = wEnd;
        }
        window = wEnd - wStart;
        serverCores = rate(cpu0, serverCpu(), window);
        generatorCores = rate(gen0, generatorCpu(), window);
        rss = server == null ? -1 : server.rssBytes();
        if (room && run.phase == RunState.MEASURE) {
            run.phase = RunState.DRAIN;
            waitUntil(this::drained, run.now() + cfg.drainTimeout().toNanos());
        }
        run.phase = RunState.QUIT;
        printProgress(true);
    }

    private boolean drained() {
        for (IoLoop l : loops) {
            if (!l.sendingStopped) {
                return false; // it may still send one more batch
            }
        }
        for (int s = 0; s < run.senderClient.length; s++) {
            if (run.delivered(s) < run.sent.get(s)) {
                return false;
            }
        }
        return true;
    }

    /** Polls {@code done} until it holds or the run clock passes {@code deadline}; prints progress. */
    private void waitUntil(BooleanSupplier done, long deadline) {
        while (!done.getAsBoolean() && run.now() < deadline && run.now() < run.hardDeadline) {
            LockSupport.parkNanos(POLL_NANOS);
            printProgress(false);
        }
    }

    private void printProgress(boolean force) {
        long now = run.now();
        if (progress == null || (!force && now - lastProgress < 1_000_000_000L)) {
            return;
        }
        long deliveries = 0;
        for (IoLoop l : loops) {
            deliveries += l.progressDeliveries;
        }
        double secs = Math.max(1e-9, (now - lastProgress) / 1e9);
        long sent = 0;
        for (int s = 0; s < run.sent.length(); s++) {
            sent += run.sent.get(s);
        }
        progress.printf(Locale.ROOT, "chat-bench: %6.1fs %-8s registered %d/%d ready %d failed %d sent %d deliveries/s %.0f%n",
                now / 1e9, phaseName(run.phase), run.registered.get(), cfg.clients(), run.ready.get(),
                run.failed.get() + run.dropped.get(), sent, (deliveries - lastDeliveries) / secs);
        lastProgress = now;
        lastDeliveries = deliveries;
    }

    private static String phaseName(int phase) {
        switch (phase) {
            case RunState.CONNECTING: return "connect";
            case RunState.WARMUP: return "warm-up";
            case RunState.MEASURE: return "measure";
            case RunState.DRAIN: return "drain";
            case RunState.HOLD: return "hold";
            default: return "quit";
        }
    }

    private RunResult collect() {
        Histogram latency = Latency.histogram();
        Histogram register = Latency.histogram();
        long windowDeliveries = 0;
        long windowSent = 0;
        long deliveries = 0;
        long outOfOrder = 0;
        long lastReady = 0;
        for (IoLoop l : loops) {
            latency.add(l.tracker.latency);
            register.add(l.registerTime);
            windowDeliveries += l.tracker.windowDeliveries;
            windowSent += l.pacer.windowSent;
            deliveries += l.tracker.deliveries;
            outOfOrder += l.tracker.duplicates;
            lastReady = Math.max(lastReady, l.lastReady);
        }
        long sentTotal = 0;
        for (int s = 0; s < run.sent.length(); s++) {
            sentTotal += run.sent.get(s);
        }
        long expected = sentTotal * cfg.receiversPerMessage();
        return new RunResult(cfg, cfg.clients(), run.registered.get(), run.ready.get(), run.failed.get(),
                run.dropped.get(), allReady ? lastReady : -1, register, window, windowSent, windowDeliveries, latency,
                sentTotal, expected, deliveries, Math.max(0, expected - deliveries), outOfOrder, serverCores, rss,
                generatorCores, run.firstError());
    }

    private double serverCpu() {
        return server == null ? -1 : server.cpuSeconds();
    }

    private static double generatorCpu() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() / 1e9;
        }
        return -1;
    }

    private static double rate(double before, double after, long nanos) {
        return before < 0 || after < 0 || nanos <= 0 ? -1 : (after - before) / (nanos / 1e9);
    }
}
