package org.chatroom.admin;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads an account password for {@code account add|passwd}: from the terminal without echo, asked
 * twice, or else the first line of standard input (for scripts: {@code chat-admin account add bob < file}).
 * Never from the command line, where any user could read it in the process list.
 */
final class PasswordInput {
    /** The user's mistake, said in one line. */
    static final class Problem extends Exception {
        private static final long serialVersionUID = 1L;

        Problem(String message) {
            super(message, null, false, false);
        }
    }

    private PasswordInput() {
    }

    static String read(String account, InputStream in) throws Problem {
        Console console = System.console();
        if (console != null && in == System.in) {
            char[] first = console.readPassword("Password for %s: ", account);
            char[] again = console.readPassword("Again: ");
            try {
                if (first == null || again == null) {
                    throw new Problem("no password given");
                }
                if (!Arrays.equals(first, again)) {
                    throw new Problem("the two passwords differ");
                }
                return check(new String(first));
            } finally {
                wipe(first);
                wipe(again);
            }
        }
        try {
            String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new Problem("no password on standard input");
            }
            return check(line);
        } catch (IOException e) {
            throw new Problem("cannot read the password from standard input: " + e.getMessage());
        }
    }

    private static String check(String password) throws Problem {
        if (password.isEmpty()) {
            throw new Problem("the password is empty");
        }
        return password;
    }

    private static void wipe(char[] c) {
        if (c != null) {
            Arrays.fill(c, '\0');
        }
    }
}
