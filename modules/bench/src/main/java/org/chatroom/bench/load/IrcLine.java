package org.chatroom.bench.load;

/**
 * A reusable, allocation-free view of one IRC line inside a byte array: the offsets of the
 * source, the command and up to {@value #MAX_PARAMS} parameters. {@link #parse} only records
 * offsets; the bytes stay where the socket read put them. Tags ({@code @...}) are skipped.
 *
 * <p>Not thread-safe: one instance per I/O thread, valid until the next {@code parse}.
 */
public final class IrcLine {
    public static final int MAX_PARAMS = 15;

    private byte[] buf;
    private int srcStart;
    private int srcEnd;
    private int cmdStart;
    private int cmdEnd;
    private int paramCount;
    private final int[] paramStart = new int[MAX_PARAMS];
    private final int[] paramEnd = new int[MAX_PARAMS];

    /**
     * Parses {@code buf[start, end)}, a line without its CR LF. Returns false for a line with no
     * command (empty or only a source); the view is then empty.
     */
    public boolean parse(byte[] buf, int start, int end) {
        this.buf = buf;
        srcStart = srcEnd = cmdStart = cmdEnd = -1;
        paramCount = 0;
        int i = start;
        if (i < end && buf[i] == '@') {
            i = skipWord(buf, i, end);
            i = skipSpaces(buf, i, end);
        }
        if (i < end && buf[i] == ':') {
            srcStart = i + 1;
            i = skipWord(buf, i, end);
            srcEnd = i;
            i = skipSpaces(buf, i, end);
        }
        if (i >= end) {
            srcStart = srcEnd = -1;
            return false;
        }
        cmdStart = i;
        i = skipWord(buf, i, end);
        cmdEnd = i;
        while (paramCount < MAX_PARAMS) {
            i = skipSpaces(buf, i, end);
            if (i >= end) {
                break;
            }
            if (buf[i] == ':' || paramCount == MAX_PARAMS - 1) {
                int s = buf[i] == ':' ? i + 1 : i;
                paramStart[paramCount] = s;
                paramEnd[paramCount] = end;
                paramCount++;
                break;
            }
            paramStart[paramCount] = i;
            i = skipWord(buf, i, end);
            paramEnd[paramCount] = i;
            paramCount++;
        }
        return true;
    }

    private static int skipWord(byte[] b, int i, int end) {
        while (i < end && b[i] != ' ') {
            i++;
        }
        return i;
    }

    private static int skipSpaces(byte[] b, int i, int end) {
        while (i < end && b[i] == ' ') {
            i++;
        }
        return i;
    }

    public byte[] buffer() {
        return buf;
    }

    public boolean hasSource() {
        return srcStart >= 0;
    }

    public int sourceStart() {
        return srcStart;
    }

    public int sourceEnd() {
        return srcEnd;
    }

    public int commandStart() {
        return cmdStart;
    }

    public int commandEnd() {
        return cmdEnd;
    }

    public int paramCount() {
        return paramCount;
    }

    public int paramStart(int i) {
        return paramStart[i];
    }

    public int paramEnd(int i) {
        return paramEnd[i];
    }

    /** Whether the command equals {@code cmd} (ASCII, exact case: servers send commands upper-case). */
    public boolean commandIs(byte[] cmd) {
        return cmdStart >= 0 && regionEquals(cmdStart, cmdEnd, cmd);
    }

    /** The command as a three-digit numeric, or -1 if it is a word. */
    public int numeric() {
        if (cmdEnd - cmdStart != 3) {
            return -1;
        }
        int n = 0;
        for (int i = cmdStart; i < cmdEnd; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            n = n * 10 + d;
        }
        return n;
    }

    /** Whether parameter {@code i} equals {@code value}, ignoring ASCII case (room names are case-insensitive). */
    public boolean paramEqualsIgnoreCase(int i, byte[] value) {
        if (i >= paramCount || paramEnd[i] - paramStart[i] != value.length) {
            return false;
        }
        int p = paramStart[i];
        for (int k = 0; k < value.length; k++) {
            if (lower(buf[p + k]) != lower(value[k])) {
                return false;
            }
        }
        return true;
    }

    /** Whether the source's nick (up to '!') equals {@code nick}, ignoring ASCII case. */
    public boolean sourceNickIs(byte[] nick) {
        if (srcStart < 0) {
            return false;
        }
        int e = srcStart;
        while (e < srcEnd && buf[e] != '!') {
            e++;
        }
        if (e - srcStart != nick.length) {
            return false;
        }
        for (int k = 0; k < nick.length; k++) {
            if (lower(buf[srcStart + k]) != lower(nick[k])) {
                return false;
            }
        }
        return true;
    }

    private boolean regionEquals(int s, int e, byte[] v) {
        if (e - s != v.length) {
            return false;
        }
        for (int k = 0; k < v.length; k++) {
            if (buf[s + k] != v[k]) {
                return false;
            }
        }
        return true;
    }

    private static int lower(byte b) {
        return b >= 'A' && b <= 'Z' ? b + 32 : b;
    }

    /** The text of parameter {@code i} (allocates: for diagnostics, never on the hot path). */
    public String paramText(int i) {
        return i < paramCount ? new String(buf, paramStart[i], paramEnd[i] - paramStart[i],
                java.nio.charset.StandardCharsets.UTF_8) : null;
    }

    /** The command as text (allocates: for diagnostics only). */
    public String commandText() {
        return cmdStart < 0 ? null : new String(buf, cmdStart, cmdEnd - cmdStart, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
