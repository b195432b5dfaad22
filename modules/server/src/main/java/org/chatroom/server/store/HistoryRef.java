package org.chatroom.server.store;

/**
 * A point in a target's history, as CHATHISTORY names it: a message ({@code msgid=}) or a moment
 * ({@code timestamp=}, epoch ms). Exactly one of the two is set.
 */
public record HistoryRef(String msgid, long timeMillis) {
    public static HistoryRef msgid(String id) {
        return new HistoryRef(id, 0);
    }

    public static HistoryRef time(long millis) {
        return new HistoryRef(null, millis);
    }

    public boolean isMsgid() {
        return msgid != null;
    }
}
