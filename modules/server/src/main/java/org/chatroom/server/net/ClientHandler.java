package org.chatroom.server.net;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.IOException;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.chatroom.protocol.IrcMessage;
import org.chatroom.server.command.ChatSession;
import org.chatroom.server.core.DropReason;

/**
 * The thin adapter between a Netty channel and the core: makes the connection's
 * {@link ChatSession} and its {@link ChannelOutbound}, hands it each parsed line, turns the
 * pipeline's {@link ConnectionEvent}s into session calls and classifies errors. Runs on the
 * connection's event loop only.
 */
final class ClientHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LogManager.getLogger();

    private final NetResources net;
    private final String address;
    private final String remote;
    private final boolean tls;
    private ChannelOutbound out;
    private ChatSession session;
    private volatile AdmissionHandler admission;

    /** {@code remote}: address and port as the admin console shows them. */
    ClientHandler(NetResources net, String address, String remote, boolean tls) {
        this.net = net;
        this.address = address;
        this.remote = remote;
        this.tls = tls;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        out = new ChannelOutbound(ctx.channel(), net.writers.of(ctx.channel().eventLoop()), net.budget);
        session = new ChatSession(net.context, net.dispatcher, out, address, remote, tls);
        out.onOverflow(() -> session.sendQueueExceeded(DropReason.SENDQ));
        out.onOverBudget(() -> session.sendQueueExceeded(DropReason.OUTPUT_BUDGET));
        out.onRegistered(() -> {
            net.unregistered.done(this);
            RegistrationTimeoutHandler.doneWith(ctx.pipeline());
        });
        session.opened();
        admission = ctx.pipeline().get(AdmissionHandler.class);
        ClientHandler evicted = net.unregistered.admit(this);
        if (evicted != null) {
            if (evicted.admission != null) {
                // counts no more from now on, though it takes a moment to close: a flood of half-open
                // connections must not reach the hard bound while evictions are on their way
                evicted.admission.release();
            }
            // On the evicted one's lane, where it may have registered meanwhile (its NICK and USER can be
            // read before this task runs): then it stays, and a registered user is never dropped as
            // "registering". (It then counts no more against the hard connection bound: one seat, rarely.)
            evicted.out.lane().execute(() -> {
                if (!evicted.session.registered()) {
                    evicted.session.drop(DropReason.UNREGISTERED_EVICTED, "Too many connections are registering; try again");
                }
            });
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (session == null) {
            return;
        }
        if (msg instanceof IrcMessage m) {
            session.receive(m);
        } else if (msg instanceof RejectedLine r && r.invalidUtf8()) {
            session.invalidUtf8(r.replaced());
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
                session.drop(DropReason.REGISTRATION_TIMEOUT, "Registration timed out");
            }
        } else if (e instanceof ConnectionEvent.Drop d) {
            session.drop(d.why(), d.reason());
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (FatalErrors.isOutOfMemory(cause)) {
            net.context.fatal(cause); // never limp on: the operator's supervisor restarts a clean process
        } else if (TlsFailures.isTlsFailure(cause)) {
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
            net.unregistered.done(this);
            session.closed();
            out.discard();
        }
        ctx.fireChannelInactive();
    }
}
