package org.chatroom.server.net;

import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.RecvByteBufAllocator;

/**
 * How big a buffer each client connection reads into. io_uring submits a connection's read ahead of its data,
 * with the buffer attached, so every idle connection holds one: at Netty's default start of 2 KiB that was
 * 18 MB of direct memory for 10,000 idle users (NMT "Other", issue 18). Chat lines are short (a registration is
 * about 100 bytes), so reads start at 128 bytes; a client that sends in bulk grows its buffer to 8 KiB (a whole
 * line with tags) within a few reads, and it shrinks again, slowly, once its reads are small. Not 64 KiB, Netty's
 * ceiling: under io_uring each flooding connection then held 64 KiB for its next read, and 2,000 of them
 * exhausted a 128 MB direct-memory limit in StalledReadersAttackTest before the output budget could act.
 * epoll and NIO hold no buffer between reads, and take the same sizes.
 */
public final class ReceiveBuffers {
    static final int MIN = 64;
    static final int INITIAL = 128;
    static final int MAX = 8 * 1024;

    private ReceiveBuffers() {
    }

    public static RecvByteBufAllocator forClients() {
        return new AdaptiveRecvByteBufAllocator(MIN, INITIAL, MAX);
    }
}
