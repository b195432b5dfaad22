package org.chatroom.server.core;

import java.util.Locale;

/** Why the server ended a connection itself, for the counters an operator reads in {@code stats}. */
public enum DropReason {
    /** One client's queue passed {@code sendq.bytes}. */
    SENDQ,
    /** The output queued to all clients passed {@code output.budget.bytes}: the biggest holders go. */
    OUTPUT_BUDGET,
    EXCESS_FLOOD,
    PING_TIMEOUT,
    REGISTRATION_TIMEOUT,
    /** The unregistered connections were at {@code max.unregistered}: the oldest made room. */
    UNREGISTERED_EVICTED,
    /** {@code max.clients} registered users already. */
    SERVER_FULL;

    /** The name in {@code stats}, e.g. {@code dropped_output_budget}. */
    public String statName() {
        return "dropped_" + name().toLowerCase(Locale.ROOT);
    }
}
