package org.chatroom.server.store;

/** How much history is kept: rows, distinct targets, oldest and newest time (epoch ms, 0 when empty). */
public record HistoryStats(long rows, long targets, long oldestMillis, long newestMillis) {
}
