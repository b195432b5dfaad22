package org.chatroom.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** worker.threads=0 sizes the event loops to the machine: half the cores, at least one. */
class WorkerThreadsTest {
    @Test
    void zeroIsHalfTheCoresAndAtLeastOne() {
        assertThat(NetResources.workerThreads(0, 1)).isEqualTo(1);
        assertThat(NetResources.workerThreads(0, 2)).isEqualTo(1);
        assertThat(NetResources.workerThreads(0, 3)).isEqualTo(1);
        assertThat(NetResources.workerThreads(0, 8)).isEqualTo(4);
        assertThat(NetResources.workerThreads(0, 64)).isEqualTo(32);
    }

    @Test
    void aConfiguredCountIsTakenAsItIs() {
        assertThat(NetResources.workerThreads(1, 64)).isEqualTo(1);
        assertThat(NetResources.workerThreads(6, 2)).isEqualTo(6);
    }
}
