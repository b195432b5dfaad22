package org.chatroom.server.state;

/** One client's place in one room: its standing (changed under the registry lock) and a ban cache. */
final class Member {
    volatile Membership standing;
    volatile BanCheck banCheck;

    Member(Membership standing) {
        this.standing = standing;
    }
}
