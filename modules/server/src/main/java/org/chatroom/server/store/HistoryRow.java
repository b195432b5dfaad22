package org.chatroom.server.store;

import java.util.Set;

/**
 * One stored line: its msgid and server-time (epoch ms), the target it belongs to (a room's folded
 * name, or {@link #privateKey} of two accounts), the command, the sender ({@code nick!user@host}) and
 * their account (null = none), the client-only tags in wire form (null = none) and the parameters
 * after the command as on the wire ({@code "#room :hello"}). The line is
 * {@code ":" + sender + " " + command + " " + args}.
 */
public record HistoryRow(String msgid, String targetKey, long timeMillis, String command, String sender,
                         String account, String tags, String args) {
    /** What a client without {@code draft/event-playback} is shown: messages, no events. */
    public static final Set<String> MESSAGES = Set.of("PRIVMSG", "NOTICE");

    /** The line without tags, as it was first sent. */
    public String line() {
        return ":" + sender + " " + command + " " + args;
    }

    public boolean isMessage() {
        return MESSAGES.contains(command);
    }

    /** The target key of the private talk of two accounts, folded already: the same whichever side asks. */
    public static String privateKey(String accountKeyA, String accountKeyB) {
        return accountKeyA.compareTo(accountKeyB) <= 0 ? "@" + accountKeyA + " " + accountKeyB
                : "@" + accountKeyB + " " + accountKeyA;
    }

    @Override
    public String toString() {
        return "HistoryRow[" + msgid + " " + targetKey + " " + command + "]"; // never the text in a log line
    }
}
