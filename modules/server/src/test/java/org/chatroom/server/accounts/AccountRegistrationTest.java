package org.chatroom.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.chatroom.server.support.ChatServerExtension;
import org.chatroom.server.support.IrcTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** draft/account-registration: REGISTER before and after connecting, its FAIL replies, the policy key. */
@Timeout(60)
class AccountRegistrationTest {
    @RegisterExtension
    final ChatServerExtension fx = ChatServerExtension.plain();

    @Test
    void registeringBeforeConnectingCreatesTheAccountAndLogsIn() throws Exception {
        fx.start();
        try (IrcTestClient c = fx.connect()) {
            c.send("CAP LS 302");
            c.awaitLine(l -> l.contains(" CAP * LS :") && l.contains(" sasl=PLAIN")
                    && l.contains(" draft/account-registration"));
            c.send("NICK alice");
            c.send("REGISTER * * correct-horse");
            c.awaitContains(" REGISTER SUCCESS alice :Account created");
            c.awaitContains(" 900 alice alice!*@127.0.0.1 alice :You are now logged in as alice");
            c.send("USER alice 0 * :Alice");
            c.send("CAP END");
            c.awaitContains(" 366 alice #lobby ");
            c.send("WHOIS alice");
            c.awaitContains(" 330 alice alice alice :is logged in as");
        }
        fx.start(); // the account outlives the daemon
        try (IrcTestClient c = fx.connect()) {
            c.send("NICK alice");
            c.send("REGISTER alice * another-password");
            c.awaitContains(" FAIL REGISTER ACCOUNT_EXISTS alice :That account already exists");
        }
    }

    @Test
    void registeringAfterConnectingWorksAndMistakesGetOneFailEach() throws Exception {
        fx.start();
        try (IrcTestClient bob = fx.user("bob")) {
            bob.send("REGISTER * * short");
            bob.awaitContains(" FAIL REGISTER WEAK_PASSWORD bob :Passwords have at least 8 characters");
            bob.send("REGISTER carol * long-enough-password");
            bob.awaitContains(" FAIL REGISTER ACCOUNT_NAME_MUST_BE_NICK carol ");
            bob.send("REGISTER BOB * long-enough-password");
            bob.awaitContains(" REGISTER SUCCESS BOB :Account created");
            bob.awaitContains(" 900 bob ");
            bob.send("REGISTER * * long-enough-password");
            bob.awaitContains(" FAIL REGISTER ALREADY_AUTHENTICATED bob :You are already logged in as BOB");
            bob.send("REGISTER * *");
            bob.awaitContains(" 461 bob REGISTER ");
            assertThat(bob.isClosed()).isFalse();
        }
    }

    @Test
    void whenOnlyTheAdministratorCreatesAccountsRegisterIsDisallowed() throws Exception {
        fx.start(Map.of("account.registration", "admin"));
        try (IrcTestClient c = fx.user("dave")) {
            c.send("REGISTER * * long-enough-password");
            c.awaitContains(" FAIL REGISTER DISALLOWED dave :Accounts are created by the administrator only");
        }
    }
}
