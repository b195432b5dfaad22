package org.chatroom.server.state;

import org.chatroom.protocol.Mask;

/**
 * One entry of a room's ban list (+b), for 367.
 *
 * @param mask         who is banned
 * @param setBy        nick of the operator who set it
 * @param setAtSeconds Unix time in seconds
 */
public record BanEntry(Mask mask, String setBy, long setAtSeconds) {
}
