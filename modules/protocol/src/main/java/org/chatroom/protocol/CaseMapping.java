package org.chatroom.protocol;

/**
 * How nicks and room names compare. {@code rfc1459} treats {@code []\~} as the upper case of
 * {@code {}|^}, as RFC 1459's Scandinavian origin asks; it is what most IRC clients assume.
 */
public enum CaseMapping {
    ASCII("ascii"),
    RFC1459("rfc1459");

    private final String token;

    CaseMapping(String token) {
        this.token = token;
    }

    /** The value advertised as {@code CASEMAPPING=} in 005. */
    public String token() {
        return token;
    }

    /** A key under which names that this mapping treats as equal are equal strings. */
    public String fold(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (lower(c) != c) {
                char[] out = name.toCharArray();
                for (int j = i; j < out.length; j++) {
                    out[j] = lower(out[j]);
                }
                return new String(out);
            }
        }
        return name;
    }

    public boolean equals(String a, String b) {
        return fold(a).equals(fold(b));
    }

    private char lower(char c) {
        if (c >= 'A' && c <= 'Z') {
            return (char) (c + 32);
        }
        if (this == RFC1459) {
            switch (c) {
                case '[': return '{';
                case ']': return '}';
                case '\\': return '|';
                case '~': return '^';
                default: return c;
            }
        }
        return c;
    }
}
