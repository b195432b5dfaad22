package org.chatroom.server.net;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.chatroom.server.context.ServerStartException;

/**
 * Which {@link Transport} the daemon runs on, from the {@code transport} key: {@code auto} takes the best one this
 * machine can run and says why it passed over the better ones; a named one that cannot run here stops the start
 * with a one-line reason (an operator who asked for io_uring wants to know, not to get epoll silently).
 *
 * @param transport the one chosen
 * @param passedOver for {@code auto}: one "name: reason" per better transport that is unavailable; else empty
 */
public record TransportChoice(Transport transport, List<String> passedOver) {
    public static final String AUTO = "auto";

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
        for (Transport t : Transport.values()) {
            Throwable cause = why.apply(t);
            if (cause == null) {
                return new TransportChoice(t, passed);
            }
            passed.add(t.configName() + ": " + describe(cause));
        }
        throw new IllegalStateException("NIO is always available"); // NIO's cause is null
    }

    /** For the start-up log: "epoll (io_uring unavailable: ...)" or just "io_uring". */
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
