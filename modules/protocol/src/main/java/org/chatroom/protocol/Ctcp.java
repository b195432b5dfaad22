package org.chatroom.protocol;

/** CTCP framing inside PRIVMSG/NOTICE text: {@code \u0001ACTION waves\u0001} is "/me waves". */
public final class Ctcp {
    public static final char DELIMITER = '\u0001';

    private Ctcp() {
    }

    /** The text of a {@code /me} action. */
    public static String action(String text) {
        return DELIMITER + "ACTION " + text + DELIMITER;
    }

    /** True if {@code text} is a CTCP ACTION. */
    public static boolean isAction(String text) {
        return text.startsWith(DELIMITER + "ACTION ") || text.equals(DELIMITER + "ACTION" + DELIMITER);
    }

    /** The action's words, without the framing; {@code text} must satisfy {@link #isAction}. */
    public static String actionText(String text) {
        int end = text.length() > 1 && text.charAt(text.length() - 1) == DELIMITER ? text.length() - 1 : text.length();
        return text.length() <= 8 ? "" : text.substring(8, Math.max(8, end));
    }
}
