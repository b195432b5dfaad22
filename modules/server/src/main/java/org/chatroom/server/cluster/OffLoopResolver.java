package org.chatroom.server.cluster;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Looks up the Redis host's name off the loops. A connection on a daemon loop would otherwise resolve on
 * that loop at every (re)connect: Netty's default resolver calls the JDK's blocking lookup where the
 * channel lives, and the asynchronous one Lettuce defaults to opens a datagram channel of Lettuce's choice
 * of transport, which a loop of another transport refuses. One thread, made only while a lookup runs.
 */
final class OffLoopResolver extends AddressResolverGroup<InetSocketAddress> {
    private final ThreadPoolExecutor lookups = new ThreadPoolExecutor(0, 1, 10, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "redis-dns");
                t.setDaemon(true);
                return t;
            });

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor loop) {
        return new InetNameResolver(loop) {
            @Override
            protected void doResolve(String host, Promise<InetAddress> promise) {
                lookup(promise, () -> InetAddress.getByName(host));
            }

            @Override
            protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
                lookup(promise, () -> Arrays.asList(InetAddress.getAllByName(host)));
            }
        }.asAddressResolver();
    }

    private interface Lookup<T> {
        T run() throws UnknownHostException;
    }

    /** The promise is completed from the lookup thread; Netty runs its listeners on the channel's loop. */
    private <T> void lookup(Promise<T> promise, Lookup<T> lookup) {
        try {
            lookups.execute(() -> {
                try {
                    promise.trySuccess(lookup.run());
                } catch (UnknownHostException | RuntimeException e) {
                    promise.tryFailure(e);
                }
            });
        } catch (RejectedExecutionException e) { // closing: the link is going away
            promise.tryFailure(e);
        }
    }

    @Override
    public void close() {
        super.close();
        lookups.shutdownNow();
    }
}
