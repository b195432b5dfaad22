package org.chatroom.protocol;

/** ASCII-only case changes: IRC commands must not depend on the JVM's locale. */
final class Ascii {
    private Ascii() {
    }

    static String upper(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') {
                char[] out = s.toCharArray();
                for (int j = i; j < out.length; j++) {
                    if (out[j] >= 'a' && out[j] <= 'z') {
                        out[j] = (char) (out[j] - 32);
                    }
                }
                return new String(out);
            }
        }
        return s;
    }
}
