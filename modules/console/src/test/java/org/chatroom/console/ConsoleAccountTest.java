package org.chatroom.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.chatroom.server.ChatServer;
import org.chatroom.server.support.ChatServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code --account}: parsing, the password file, and logging in to a real daemon from a pipe. */
@Timeout(60)
class ConsoleAccountTest {
    @RegisterExtension
    final ChatServerExtension daemon = ChatServerExtension.plain();
    @TempDir
    Path tmp;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private ConsoleCli cli() {
        return new ConsoleCli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private int run(String stdin, String... args) {
        return new ConsoleApp(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                () -> false).run(args);
    }

    @Test
    void theAccountIsTheNickUnlessOneIsGivenAndHasNoPasswordOption() {
        ConsoleCli.Parsed p = cli().parse(new String[] {"--account", "erin"});
        assertThat(p.options().nick()).isEqualTo("erin");
        assertThat(p.account()).isEqualTo(new AccountOption("erin", null, false));
        assertThat(cli().parse(new String[] {"--account", "erin", "--nick", "e2"}).options().nick()).isEqualTo("e2");
        assertThat(ConsoleCli.options().hasOption("password")).as("never on the command line").isFalse();
    }

    @Test
    void passwordOptionsWithoutAnAccountAreAMistake() {
        assertThat(cli().parse(new String[] {"--password-file", "pw.txt"}).exitCode()).isEqualTo(2);
        assertThat(cli().parse(new String[] {"--create-account"}).exitCode()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--password-file needs --account NAME; try --help",
                "--create-account needs --account NAME; try --help");
    }

    @Test
    void anEmptyOrMissingPasswordFileIsOneLine() throws Exception {
        Path empty = Files.writeString(tmp.resolve("empty"), "\n");
        AccountOption a = new AccountOption("erin", empty, false);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> a.storedPassword(k -> null))
                .hasMessage("the password file " + empty + " is empty: put the password on its first line");
        AccountOption missing = new AccountOption("erin", tmp.resolve("nope"), false);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> missing.storedPassword(k -> null))
                .hasMessageStartingWith("cannot read the password file " + tmp.resolve("nope"));
        assertThat(new AccountOption("erin", null, false).storedPassword(k -> k.equals("CHAT_PASSWORD") ? "env-pw" : null))
                .isEqualTo("env-pw");
    }

    @Test
    void createsTheAccountFromAPipeThenLogsInToIt() throws Exception {
        ChatServer server = daemon.start();
        Path pw = Files.writeString(tmp.resolve("pw"), "long enough secret\n");
        String port = String.valueOf(server.port());
        int code = run("hello\n", "--host", "127.0.0.1", "--port", port, "--account", "piper", "--password-file",
                pw.toString(), "--create-account");
        assertThat(code).as(() -> err.toString(StandardCharsets.UTF_8)).isZero();

        code = run("again\n", "--host", "127.0.0.1", "--port", port, "--account", "piper", "--password-file", pw.toString());
        assertThat(code).as(() -> err.toString(StandardCharsets.UTF_8)).isZero();

        Path wrong = Files.writeString(tmp.resolve("wrong"), "not the password\n");
        code = run("never\n", "--host", "127.0.0.1", "--port", port, "--account", "piper", "--password-file", wrong.toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("chat-console: login to account piper failed: wrong account name or password")
                .doesNotContain("not the password", "long enough secret");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("not the password", "long enough secret");
    }

    @Test
    void aPipeWithoutAStoredPasswordSaysWhereToPutIt() {
        int code = run("", "--host", "127.0.0.1", "--port", "1", "--account", "nobody");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--account nobody needs its password: without a terminal, "
                + "give --password-file FILE or set CHAT_PASSWORD");
    }
}
