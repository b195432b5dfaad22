package org.chatroom.server.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.protocol.Numeric;
import org.chatroom.server.ServerContext;
import org.chatroom.server.command.CommandDispatcher;
import org.chatroom.server.command.Registration;
import org.chatroom.server.command.RoomCommands;
import org.chatroom.server.command.Session;
import org.chatroom.server.command.Welcome;
import org.chatroom.server.config.ServerConfig;
import org.chatroom.server.config.ServerConfigKeys;
import org.chatroom.server.room.Room;
import org.chatroom.server.user.Client;
import org.chatroom.server.user.ClientControl;

/**
 * One connection's life: admission, registration timeout, dispatching its lines in order,
 * keep-alive pings, and the single way out ({@link #quit}) that every disconnect goes through.
 * Runs on the connection's event loop only.
 */
public final class ClientHandler extends ChannelInboundHandlerAdapter implements Session, ClientControl {
    private static final Logger LOG = LogManager.getLogger();

    private final ServerContext context;
    private final CommandDispatcher dispatcher;
    private final ConnectionLimiter limiter;
    private final LoopWriters writers;
    private final Registration registration = new Registration();
    private Client client;
    private Runnable releaseLease;
    private boolean quit;
    private boolean pingSent;
    private long lastInputNanos = System.nanoTime();
    private FloodGate flood;
    private boolean releaseScheduled;
    private ChannelHandlerContext ctx;

    public ClientHandler(ServerContext context, CommandDispatcher dispatcher, ConnectionLimiter limiter,
                         LoopWriters writers) {
        this.context = context;
        this.dispatcher = dispatcher;
        this.limiter = limiter;
        this.writers = writers;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        InetAddress address = ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress();
        ConnectionLimiter.Admission admission = limiter.tryAcquire(address);
        if (admission instanceof ConnectionLimiter.Refused refused) {
            LOG.info("refused connection from {}: {}", address.getHostAddress(), refused.reason());
            ByteBuf error = ByteBufUtil.writeUtf8(ctx.alloc(), "ERROR :Closing link: " + refused.reason() + "\r\n");
            ctx.writeAndFlush(error).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        releaseLease = ((ConnectionLimiter.Admitted) admission).release();
        this.ctx = ctx;
        flood = new FloodGate(context, address);
        context.stats().connectionOpened();
        client = new Client(ctx.channel(), writers.of(ctx.channel().eventLoop()), context.stats(),
                address.getHostAddress(), ctx.pipeline().get("tls") != null);
        client.control(this);
        LOG.info("connection from {}", client.address());
        String from = client.address();
        context.events().fire(l -> l.connected(from));
        long timeout = context.config().get(ServerConfigKeys.REGISTRATION_TIMEOUT).toMillis();
        ctx.executor().schedule(() -> {
            if (!client.registered()) {
                quit("Registration timed out");
            }
        }, timeout, TimeUnit.MILLISECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (client == null || quit) {
            io.netty.util.ReferenceCountUtil.release(msg);
            return;
        }
        lastInputNanos = System.nanoTime();
        pingSent = false;
        if (msg instanceof IrcMessage m && m.command().equals("PONG")) {
            return; // liveness is all a PONG says, and answering pings must never wait behind a flood
        }
        switch (flood.admit(msg)) {
            case RUN -> handle(msg);
            case HOLD -> scheduleRelease();
            case EXCESS -> {
                LOG.info("{} ({}) flooded past {} held commands", client.nick(), client.address(),
                        context.config().get(ServerConfigKeys.FLOOD_MAX_QUEUED));
                quit("Excess Flood");
            }
        }
    }

    private void handle(Object msg) {
        if (msg instanceof IrcMessage m) {
            context.stats().messageIn();
            dispatcher.dispatch(this, m);
        } else if (msg instanceof RejectedLine r) {
            context.stats().lineRefused();
            if (r.tooLong()) {
                reply(Numeric.ERR_INPUTTOOLONG);
            } else {
                send(IrcMessage.from(serverName(), "NOTICE", client.nick(), r.reason()));
            }
        }
    }

    private void scheduleRelease() {
        if (!releaseScheduled) {
            releaseScheduled = true;
            ctx.executor().schedule(this::releaseHeld, flood.delayMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void releaseHeld() {
        releaseScheduled = false;
        Object next;
        while (!quit && (next = flood.release()) != null) {
            handle(next);
        }
        if (!quit && flood.hasHeld()) {
            scheduleRelease();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (!(evt instanceof IdleStateEvent) || client == null || pingSent || quit) {
            return;
        }
        pingSent = true;
        long sentAt = System.nanoTime();
        send(IrcMessage.of("PING", serverName()));
        ServerConfig cfg = context.config();
        long timeout = cfg.get(ServerConfigKeys.PING_TIMEOUT).toMillis();
        long silentSeconds = (cfg.get(ServerConfigKeys.PING_INTERVAL).toMillis() + timeout) / 1000;
        ctx.executor().schedule(() -> {
            if (lastInputNanos < sentAt) {
                quit("Ping timeout: " + silentSeconds + " seconds");
            }
        }, timeout, TimeUnit.MILLISECONDS);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException && client != null) {
            context.stats().lineRefused();
            reply(Numeric.ERR_INPUTTOOLONG);
        } else if (TlsFailures.isTlsFailure(cause)) {
            LOG.info("TLS handshake with {} failed: {}", client == null ? ctx.channel().remoteAddress() : client.address(),
                    TlsFailures.rootMessage(cause));
            ctx.close();
        } else if (cause instanceof IOException) {
            LOG.debug("I/O error on {}: {}", client, cause.toString());
            ctx.close();
        } else {
            LOG.warn("closing {} after an unexpected error", client, cause);
            if (client != null) {
                quit("Internal error");
            } else {
                ctx.close();
            }
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (client != null) {
            quit("Connection closed");
            client.writer().discard(client);
            context.stats().connectionClosed();
            releaseLease.run();
        }
        ctx.fireChannelInactive();
    }

    @Override
    public Client client() {
        return client;
    }

    @Override
    public ServerContext context() {
        return context;
    }

    @Override
    public Registration registration() {
        return registration;
    }

    @Override
    public void send(IrcMessage message) {
        client.send(message);
    }

    @Override
    public void reply(Numeric numeric, String... params) {
        replyText(numeric, numeric.text(), params);
    }

    @Override
    public void replyText(Numeric numeric, String text, String... params) {
        client.send(NumericReply.of(serverName(), client.nick(), numeric, text, params));
    }

    @Override
    public void completeRegistration() {
        if (context.config().get(ServerConfigKeys.SERVER_PASSWORD).isPresent() && !registration.passwordAccepted) {
            LOG.info("{} tried to register without the server password", client.address());
            reply(Numeric.ERR_PASSWDMISMATCH);
            quit("Password required");
            return;
        }
        String refusal = context.admission().refusalReason(client);
        if (refusal != null) {
            LOG.info("{} ({}) refused at registration: {}", client.nick(), client.address(), refusal);
            replyText(Numeric.ERR_YOUREBANNEDCREEP, Numeric.ERR_YOUREBANNEDCREEP.text() + ": " + refusal);
            quit("Banned: " + refusal);
            return;
        }
        client.markRegistered();
        LOG.info("{} registered as {}", client.address(), client.nick());
        String nick = client.nick();
        context.events().fire(l -> l.registered(nick, client.address()));
        Welcome.send(this);
        if (context.config().get(ServerConfigKeys.DEFAULT_ROOM_AUTOJOIN)) {
            RoomCommands.join(this, context.config().get(ServerConfigKeys.DEFAULT_ROOM));
        }
    }

    @Override
    public void quit(String reason) {
        if (quit || client == null) {
            return;
        }
        quit = true;
        if (client.registered()) {
            if (!context.shuttingDown()) {
                OutboundLine line = OutboundLine.of(IrcMessage.from(client.prefix(), "QUIT", reason));
                for (Client peer : context.registry().remove(client)) {
                    peer.send(line);
                }
                line.release();
            } else {
                context.registry().remove(client);
            }
            LOG.info("{} quit ({})", client.nick(), reason);
            String nick = client.nick();
            context.events().fire(l -> l.quit(nick, reason));
        } else {
            context.registry().releaseNick(client);
            LOG.info("{} disconnected before registering ({})", client.address(), reason);
        }
        io.netty.channel.Channel ch = client.channel();
        if (ch.isActive()) {
            if ("SendQ exceeded".equals(reason)) {
                client.writer().discard(client); // its queue is full already: more would only wait behind it
                ch.close();
            } else {
                String error = "ERROR :Closing link: (" + client.user() + "@" + client.host() + ") [" + reason + "]\r\n";
                client.writer().write(client, ByteBufUtil.writeUtf8(ch.alloc(), error));
                client.writer().flushNow(client).addListener(ChannelFutureListener.CLOSE);
            }
        }
    }

    @Override
    public void kick(String by, String reason) {
        if (quit || client == null) {
            return;
        }
        if (client.registered()) {
            for (Room room : List.copyOf(client.rooms())) {
                OutboundLine line = OutboundLine.of(IrcMessage.from(by, "KICK", room.name(), client.nick(), reason));
                room.broadcast(line, null, context.stats());
                line.release();
                context.registry().part(client, room);
                String nick = client.nick();
                context.events().fire(l -> l.kicked(nick, room.name(), by, reason));
            }
        }
        LOG.info("{} kicked off the server by {} ({})", client.nick(), by, reason);
        quit("Kicked by " + by + ": " + reason);
    }

    private String serverName() {
        return context.config().get(ServerConfigKeys.SERVER_NAME);
    }
}
