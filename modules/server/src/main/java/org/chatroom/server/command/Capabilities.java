package org.chatroom.server.command;

import org.chatroom.server.core.Cap;

/** The capability list as CAP LS shows it: every {@link Cap}, in the enum's order. */
final class Capabilities {
    static final String SUPPORTED = Cap.describe(-1);
    /** For {@code CAP LS 302}: with values, e.g. {@code sasl=PLAIN}. */
    static final String SUPPORTED_302 = withValues();

    private Capabilities() {
    }

    private static String withValues() {
        StringBuilder sb = new StringBuilder();
        for (Cap c : Cap.values()) {
            sb.append(sb.length() == 0 ? "" : " ").append(c.wire());
            if (c.value() != null) {
                sb.append('=').append(c.value());
            }
        }
        return sb.toString();
    }
}
