package org.chatroom.server.state;

/** A member's cached ban status: valid while the room's ban epoch and the member's prefix are these. */
record BanCheck(int epoch, String prefix, boolean banned) {
    boolean validFor(int roomEpoch, String currentPrefix) {
        return epoch == roomEpoch && prefix == currentPrefix; // identity: every nick or user change makes a new prefix
    }
}
