package org.chatroom.server.store;

/** A server ban as stored: the mask's text, why, who set it when, and when it ends (0 = never). */
public record BanRow(String mask, String reason, String setBy, long setAtMillis, long expiresAtMillis) {
}
