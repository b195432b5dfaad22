package org.chatroom.server.net;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.IOException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.server.command.ChatSession;
import org.chatroom.server.command.CommandDispatcher;
import org.chatroom.server.context.ServerContext;

/**
 * The thin adapter between a Netty channel and the core: makes the connection's
 * {@link ChatSession} and its {@link ChannelOutbound}, hands it each parsed line, turns the
 * pipeline's {@link ConnectionEvent}s into session calls and classifies errors. Runs on the
 * connection's event loop only.
 */
final class ClientHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LogManager.getLogger();

    private final ServerContext context;
    private final CommandDispatcher dispatcher;
    private final LoopWriters writers;
    private final String address;
    private final boolean tls;
    private ChannelOutbound out;
    private ChatSession session;

    ClientHandler(ServerContext context, CommandDispatcher dispatcher, LoopWriters writers, String address,
                  boolean tls) {
        this.context = context;
        this.dispatcher = dispatcher;
        this.writers = writers;
        this.address = address;
        this.tls = tls;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        out = new ChannelOutbound(ctx.channel(), writers.of(ctx.channel().eventLoop()));
        session = new ChatSession(context, dispatcher, out, address, remote(ctx), tls);
        out.onOverflow(session::sendQueueExceeded);
        session.opened();
        ctx.fireChannelActive();
    }

    private String remote(ChannelHandlerContext ctx) {
        int port = ((java.net.InetSocketAddress) ctx.channel().remoteAddress()).getPort();
        return (address.indexOf(':') >= 0 ? "[" + address + "]" : address) + ":" + port;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (session == null) {
            return;
        }
        if (msg instanceof IrcMessage m) {
            session.receive(m);
        } else if (msg instanceof RejectedLine r && !r.blank()) {
            session.refused(r.reason(), r.tooLong());
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (session == null || !(evt instanceof ConnectionEvent e)) {
            ctx.fireUserEventTriggered(evt);
            return;
        }
        if (e instanceof ConnectionEvent.PingDue) {
            session.ping();
        } else if (e instanceof ConnectionEvent.RegistrationDue) {
            if (!session.registered()) {
                session.quit("Registration timed out");
            }
        } else if (e instanceof ConnectionEvent.Drop d) {
            session.quit(d.reason());
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (TlsFailures.isTlsFailure(cause)) {
            LOG.info("TLS handshake with {} failed: {}", address, TlsFailures.rootMessage(cause));
            ctx.close();
        } else if (cause instanceof IOException) {
            LOG.debug("I/O error on {}: {}", address, cause.toString());
            ctx.close();
        } else {
            LOG.warn("closing {} after an unexpected error", address, cause);
            if (session != null) {
                session.quit("Internal error");
            } else {
                ctx.close();
            }
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (session != null) {
            session.closed();
            out.discard();
        }
        ctx.fireChannelInactive();
    }
}
