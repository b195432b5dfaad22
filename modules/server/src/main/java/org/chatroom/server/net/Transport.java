package org.chatroom.server.net;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.channel.uring.IoUringSocketChannel;
import java.util.function.Supplier;

/**
 * The socket implementations a listener and its connections can run on, best first. io_uring hands a loop's
 * writes to the kernel together (one submission instead of one {@code write} per member per message); epoll is
 * Netty's native readiness loop; NIO is the JDK's, which works everywhere.
 */
public enum Transport {
    IO_URING("io_uring", () -> IoUring.isAvailable() ? null : IoUring.unavailabilityCause(),
            IoUringIoHandler::newFactory, IoUringServerSocketChannel.class, IoUringSocketChannel.class),
    EPOLL("epoll", () -> Epoll.isAvailable() ? null : Epoll.unavailabilityCause(),
            EpollIoHandler::newFactory, EpollServerSocketChannel.class, EpollSocketChannel.class),
    NIO("nio", () -> null, NioIoHandler::newFactory, NioServerSocketChannel.class, NioSocketChannel.class);

    private final String configName;
    // suppliers and a class literal: naming a native transport here loads none of it until it is asked for
    private final Supplier<Throwable> unavailability;
    private final Supplier<IoHandlerFactory> handlers;
    private final Class<? extends ServerChannel> serverChannel;
    private final Class<? extends SocketChannel> socketChannel;

    Transport(String configName, Supplier<Throwable> unavailability, Supplier<IoHandlerFactory> handlers,
              Class<? extends ServerChannel> serverChannel, Class<? extends SocketChannel> socketChannel) {
        this.configName = configName;
        this.unavailability = unavailability;
        this.handlers = handlers;
        this.serverChannel = serverChannel;
        this.socketChannel = socketChannel;
    }

    /** The value of the {@code transport} key that asks for this one. */
    public String configName() {
        return configName;
    }

    /** Null when this machine can run it; else why not (no native library, kernel refuses, ...). */
    public Throwable unavailabilityCause() {
        return unavailability.get();
    }

    public boolean isAvailable() {
        return unavailabilityCause() == null;
    }

    public IoHandlerFactory ioHandlerFactory() {
        return handlers.get();
    }

    public Class<? extends ServerChannel> serverChannel() {
        return serverChannel;
    }

    /** The outgoing connections' class (the cluster's Redis client): a loop takes only its own transport's channels. */
    public Class<? extends SocketChannel> socketChannel() {
        return socketChannel;
    }

    /** The transport a config value names; the config parser has already refused anything else. */
    public static Transport named(String configName) {
        for (Transport t : values()) {
            if (t.configName.equals(configName)) {
                return t;
            }
        }
        throw new IllegalArgumentException("no transport named " + configName);
    }
}
