package org.chatroom.client;

import java.util.Objects;

/**
 * An account to log in to with SASL PLAIN while registering, or to create first with
 * {@code draft/account-registration} ({@code create}). {@link #toString()} never shows the password,
 * so a config printed in a log or a test failure does not leak it.
 *
 * @param account  the account name
 * @param password its password
 * @param create   create the account ({@code REGISTER}) before logging in
 */
public record Credentials(String account, String password, boolean create) {
    public Credentials {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(password, "password");
        if (account.isEmpty() || account.chars().anyMatch(c -> c == ' ' || c == '\r' || c == '\n' || c == 0)) {
            throw new IllegalArgumentException("account must be one word: '" + account + "'");
        }
        if (password.isEmpty() || password.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
            throw new IllegalArgumentException("the password is empty or holds a line break or NUL");
        }
    }

    /** The same account, to log in to only (once it exists). */
    public Credentials existing() {
        return create ? new Credentials(account, password, false) : this;
    }

    @Override
    public String toString() {
        return "Credentials[account=" + account + ", password=(hidden), create=" + create + "]";
    }
}
