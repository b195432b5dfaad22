package org.chatroom.server.state;

/** A member's cached ban status: valid while the room's ban epoch and the member's prefix are these. */
record BanCheck(int epoch, String prefix, String account, boolean banned) {
    boolean validFor(int roomEpoch, String currentPrefix, String currentAccount) {
        // identity: every nick or user change makes a new prefix, every login a new account string
        return epoch == roomEpoch && prefix == currentPrefix && account == currentAccount;
    }
}
