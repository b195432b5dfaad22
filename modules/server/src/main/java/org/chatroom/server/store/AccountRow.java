package org.chatroom.server.store;

/** An account: its name as registered, its password hash in {@code PasswordHash} text form, when it was made. */
public record AccountRow(String name, String passwordHash, long createdAtMillis) {
    @Override
    public String toString() {
        return "AccountRow[" + name + "]"; // never the hash in a log line
    }
}
