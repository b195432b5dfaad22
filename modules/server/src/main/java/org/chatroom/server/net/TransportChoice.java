package org.chatroom.server.net;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.chatroom.server.context.ServerStartException;

/**
 * Which {@link Transport} the daemon runs on, from the {@code transport} key: {@code auto} takes the first of
 * {@link #AUTO_ORDER} this machine can run and says why it passed over the ones before it; a named one that cannot run here stops the start
 * with a one-line reason (an operator who asked for io_uring wants to know, not to get epoll silently).
 *
 * @param transport the one chosen
 * @param passedOver for {@code auto}: one "name: reason" per better transport that is unavailable; else empty
 */
public record TransportChoice(Transport transport, List<String> passedOver) {
    public static final String AUTO = "auto";
    /**
     * What {@code auto} tries, in order. epoll before io_uring: under io_uring, connections reset right after
     * connecting were never opened as sessions and some stayed counted as connected (ChurnTest, issue 18), so
     * io_uring is taken only when asked for by name, or when epoll cannot run.
     */
    public static final List<Transport> AUTO_ORDER = List.of(Transport.EPOLL, Transport.IO_URING, Transport.NIO);

    public TransportChoice {
        passedOver = List.copyOf(passedOver);
    }

    public static TransportChoice choose(String setting) {
        return choose(setting, Transport::unavailabilityCause);
    }

    /** {@code why} says why a transport is unavailable, or null when it can run (the tests give their own). */
    static TransportChoice choose(String setting, Function<Transport, Throwable> why) {
        if (!AUTO.equals(setting)) {
            Transport t = Transport.named(setting);
            Throwable cause = why.apply(t);
            if (cause != null) {
                throw new ServerStartException("transport=" + setting + " is not available on this machine ("
                        + describe(cause) + "); use transport=auto to take the best one available, or nio");
            }
            return new TransportChoice(t, List.of());
        }
        List<String> passed = new ArrayList<>();
        for (Transport t : AUTO_ORDER) {
            Throwable cause = why.apply(t);
            if (cause == null) {
                return new TransportChoice(t, passed);
            }
            passed.add(t.configName() + ": " + describe(cause));
        }
        throw new IllegalStateException("NIO is always available"); // NIO's cause is null
    }

    /** For the start-up log: "nio (passed over epoll: ...; io_uring: ...)" or just "epoll". */
    public String describe() {
        return passedOver.isEmpty() ? transport.configName()
                : transport.configName() + " (passed over " + String.join("; ", passedOver) + ")";
    }

    private static String describe(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = message(cause);
        if (root != cause && !msg.contains(message(root))) {
            msg += ": " + message(root);
        }
        msg = msg.replace('\n', ' ').replace('\r', ' ').strip();
        return msg.length() > 240 ? msg.substring(0, 240) + "..." : msg; // one line, however deep the native error
    }

    private static String message(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
