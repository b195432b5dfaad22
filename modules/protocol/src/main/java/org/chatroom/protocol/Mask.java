package org.chatroom.protocol;

/**
 * A ban mask such as {@code *!*@192.0.2.*} or a bare nick, matched against {@code nick!user@host}
 * with {@code *} (any run) and {@code ?} (one character) under a case mapping; or an account mask
 * {@code $a:NAME} (the same wildcards), matched against the account a user is logged in to.
 */
public final class Mask {
    private final String pattern;
    private final String folded;
    private final CaseMapping mapping;

    /** The extended-ban prefix of account masks (as Ergo, InspIRCd, Solanum write it). */
    public static final String ACCOUNT_PREFIX = "$a:";

    private Mask(String pattern, CaseMapping mapping) {
        this.pattern = pattern;
        this.mapping = mapping;
        this.folded = mapping.fold(pattern);
    }

    /**
     * Normalises what an operator typed: {@code alice} → {@code alice!*@*},
     * {@code 192.0.2.7} or {@code *@host} → {@code *!*@host}, {@code a!b} → {@code a!b@*}.
     */
    public static Mask of(String text, CaseMapping mapping) {
        if (text == null || text.isBlank() || text.indexOf(' ') >= 0) {
            throw new IllegalArgumentException("a mask is a nick, an address or nick!user@host without spaces");
        }
        if (text.startsWith(ACCOUNT_PREFIX)) {
            String name = text.substring(ACCOUNT_PREFIX.length());
            if (name.isEmpty() || name.indexOf('!') >= 0 || name.indexOf('@') >= 0) {
                throw new IllegalArgumentException("an account mask is $a:NAME (* and ? match)");
            }
            return new Mask(text, mapping);
        }
        String m = text;
        if (m.indexOf('!') < 0 && m.indexOf('@') < 0) {
            m = looksLikeHost(m) ? "*!*@" + m : m + "!*@*";
        } else if (m.indexOf('!') < 0) {
            m = "*!" + m;
        } else if (m.indexOf('@') < 0) {
            m = m + "@*";
        }
        int bang = m.indexOf('!');
        int at = m.indexOf('@');
        // One '!' before one '@', and something in each part: "!!!@@@" is a typo, not a mask.
        if (bang == 0 || at != m.lastIndexOf('@') || bang != m.lastIndexOf('!') || at < bang + 2
                || at == m.length() - 1) {
            throw new IllegalArgumentException("a mask is a nick, an address or nick!user@host (one '!' before one '@',"
                    + " no part empty)");
        }
        return new Mask(m, mapping);
    }

    private static boolean looksLikeHost(String s) {
        return s.indexOf('.') >= 0 || s.indexOf(':') >= 0;
    }

    public String pattern() {
        return pattern;
    }

    /** For a user not logged in: an account mask never matches. */
    public boolean matches(String nickUserHost) {
        return !isAccountMask() && glob(folded, 0, mapping.fold(nickUserHost), 0);
    }

    /** {@code account} is the one the user is logged in to, or null. */
    public boolean matches(String nickUserHost, String account) {
        if (isAccountMask()) {
            return account != null && glob(folded, ACCOUNT_PREFIX.length(), mapping.fold(account), 0);
        }
        return glob(folded, 0, mapping.fold(nickUserHost), 0);
    }

    /** True for {@code $a:NAME}. */
    public boolean isAccountMask() {
        return pattern.startsWith(ACCOUNT_PREFIX);
    }

    /** Whether {@code text} matches {@code pattern} ({@code *} and {@code ?}) as is, under {@code mapping}: WHO and LIST masks. */
    public static boolean globMatches(String pattern, String text, CaseMapping mapping) {
        return glob(mapping.fold(pattern), 0, mapping.fold(text), 0);
    }

    /** Iterative glob with single backtrack point: linear in practice, no recursion blow-up. */
    private static boolean glob(String p, int pi, String s, int si) {
        int star = -1;
        int mark = 0;
        while (si < s.length()) {
            if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == s.charAt(si))) {
                pi++;
                si++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                mark = si;
            } else if (star >= 0) {
                pi = star + 1;
                si = ++mark;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mask other && other.folded.equals(folded);
    }

    @Override
    public int hashCode() {
        return folded.hashCode();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
