package org.chatroom.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.chatroom.client.Credentials;

/**
 * {@code --account NAME} and where its password comes from: never the command line (other users see
 * it in {@code ps}), but {@code --password-file FILE} (its first line), the {@value #PASSWORD_ENV}
 * environment variable, or else a masked prompt in a terminal. {@code --create-account} creates it first.
 */
record AccountOption(String account, Path passwordFile, boolean create) {
    static final String PASSWORD_ENV = "CHAT_PASSWORD";

    /** A password that cannot be read; the message names the file and what is wrong, never the password. */
    static final class PasswordException extends Exception {
        private static final long serialVersionUID = 1L;

        PasswordException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The password from {@code --password-file} or the environment; null when neither gives one (ask).
     */
    String storedPassword(UnaryOperator<String> env) throws PasswordException {
        if (passwordFile != null) {
            String text;
            try {
                text = Files.readString(passwordFile, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new PasswordException("cannot read the password file " + passwordFile + ": "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
            String first = text.lines().findFirst().orElse("");
            if (first.isEmpty()) {
                throw new PasswordException("the password file " + passwordFile + " is empty: put the password on its first line");
            }
            return first;
        }
        String fromEnv = env.apply(PASSWORD_ENV);
        return fromEnv == null || fromEnv.isEmpty() ? null : fromEnv;
    }

    Credentials credentials(String password) {
        return new Credentials(account, password, create);
    }
}
