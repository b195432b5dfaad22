package org.chatroom.server.state;

/**
 * One client's place in one room: its standing (changed under the registry lock), a ban cache, and
 * whether it joined a large room quietly and has not spoken since ({@link Room#hush}).
 */
final class Member {
    volatile Membership standing;
    volatile BanCheck banCheck;
    final java.util.concurrent.atomic.AtomicBoolean quiet = new java.util.concurrent.atomic.AtomicBoolean();

    Member(Membership standing) {
        this.standing = standing;
    }
}
