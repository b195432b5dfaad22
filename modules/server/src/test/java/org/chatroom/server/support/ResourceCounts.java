package org.chatroom.server.support;

import java.io.File;
import java.lang.management.ManagementFactory;

/**
 * The daemon's threads (the test's own client, pool and Awaitility threads left out), open file
 * descriptors and heap after GC, to compare before and after a load.
 */
public record ResourceCounts(int threads, int fds, long heapAfterGc, String threadNames) {
    public static ResourceCounts now() {
        System.gc();
        String[] fds = new File("/proc/self/fd").list();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        java.util.List<String> names = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> !n.startsWith("irc-test-client") && !n.startsWith("awaitility")
                        && !n.startsWith("pool-") && !n.startsWith("ForkJoinPool")
                        && !n.startsWith("globalEventExecutor"))
                .sorted().toList();
        return new ResourceCounts(names.size(), fds == null ? -1 : fds.length, heap, String.join(",", names));
    }
}
