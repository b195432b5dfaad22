package org.chatroom.console;

import java.io.IOException;
import java.io.PrintStream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.help.HelpFormatter;
import org.apache.commons.cli.help.TextHelpAppendable;
import org.chatroom.client.cli.ClientOptions;

/** Parses the command line; prints help, version and usage errors. Never exits the JVM. */
final class ConsoleCli {
    static final String PROGRAM = "chat-console";
    static final int MAX_NICK_LENGTH = org.chatroom.client.input.InputParser.MAX_NICK_LENGTH;

    private final PrintStream out;
    private final PrintStream err;

    /** The outcome: options to run with (and the account, or null), or an exit code to return right away. */
    record Parsed(ClientOptions options, AccountOption account, int exitCode) {
        Parsed(ClientOptions options, int exitCode) {
            this(options, null, exitCode);
        }
    }

    ConsoleCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    static Options options() {
        Options o = new Options();
        ClientOptions.addTo(o, ClientOptions.DEFAULT_HOST, ClientOptions.DEFAULT_PORT + ", or "
                + ClientOptions.DEFAULT_TLS_PORT + " with --tls", "your nick; asked for at start if missing in a terminal");
        o.addOption(Option.builder("a").longOpt("account").hasArg().argName("NAME")
                .desc("log in to this account (SASL); the password is asked for, masked, unless --password-file "
                        + "or the " + AccountOption.PASSWORD_ENV + " environment variable gives it; the nick "
                        + "defaults to NAME").get());
        o.addOption(Option.builder().longOpt("password-file").hasArg().argName("FILE")
                .desc("with --account: read the password from the first line of FILE (keep it chmod 600)").get());
        o.addOption(Option.builder().longOpt("create-account")
                .desc("with --account: create the account on the server first (REGISTER), then log in").get());
        o.addOption(Option.builder("h").longOpt("help").desc("print this help and exit").get());
        o.addOption(Option.builder("V").longOpt("version").desc("print the version and exit").get());
        return o;
    }

    Parsed parse(String[] args) {
        Options options = options();
        CommandLine cl;
        try {
            cl = DefaultParser.builder().get().parse(options, args);
        } catch (ParseException e) {
            return usageError(e.getMessage());
        }
        if (cl.hasOption("help")) {
            printHelp(options);
            return new Parsed(null, 0);
        }
        if (cl.hasOption("version")) {
            out.println(PROGRAM + " " + version());
            return new Parsed(null, 0);
        }
        if (!cl.getArgList().isEmpty()) {
            return usageError("unexpected argument '" + cl.getArgList().get(0) + "'");
        }
        String account = cl.getOptionValue("account");
        if (account == null && (cl.hasOption("password-file") || cl.hasOption("create-account"))) {
            return usageError((cl.hasOption("password-file") ? "--password-file" : "--create-account") + " needs --account NAME");
        }
        if (account != null && (account.isBlank() || account.strip().indexOf(' ') >= 0)) {
            return usageError("--account '" + account + "' must be one word");
        }
        AccountOption acct = account == null ? null : new AccountOption(account.strip(),
                cl.hasOption("password-file") ? java.nio.file.Path.of(cl.getOptionValue("password-file")) : null,
                cl.hasOption("create-account"));
        try {
            ClientOptions given = ClientOptions.from(cl, ClientOptions.Defaults.BUILT_IN);
            if (acct != null && given.nick() == null
                    && org.chatroom.protocol.NameRules.nickProblem(acct.account(), MAX_NICK_LENGTH) == null) {
                given = new ClientOptions(given.host(), given.port(), acct.account(), given.tls(), given.trust());
            }
            return new Parsed(given, acct, 0);
        } catch (ClientOptions.UsageException e) {
            return usageError(e.getMessage());
        } catch (IOException e) {
            err.println(PROGRAM + ": " + e.getMessage());
            return new Parsed(null, 2);
        }
    }

    private Parsed usageError(String message) {
        err.println(PROGRAM + ": " + message + "; try --help");
        return new Parsed(null, 2);
    }

    private void printHelp(Options options) {
        HelpFormatter help = HelpFormatter.builder().setShowSince(false)
                .setHelpAppendable(new TextHelpAppendable(out)).get();
        try {
            help.printHelp(PROGRAM + ".sh [--host HOST] [--port PORT] [--nick NICK] [--account NAME [--password-file FILE]"
                            + " [--create-account]] [--tls [--trust-fingerprint SHA256"
                            + " | --truststore FILE [--truststore-password PASSWORD]]]",
                    "Chat in the rooms of a Chatroom (IRC) server. In a terminal, type /help for commands; "
                            + "with standard input from a pipe or file, each line is sent to the room and the "
                            + "client leaves when the input ends.",
                    options, "A server with a self-signed certificate is refused, and the message shows the "
                            + "certificate's fingerprint: compare it with the one the operator gave you (chat-server "
                            + "--generate-keystore prints it), then connect with --trust-fingerprint. "
                            + "Exit status: 0 ok, 1 connection failed or lost (or the certificate was not trusted), "
                            + "2 usage error.", false);
        } catch (IOException e) {
            err.println(PROGRAM + ": cannot print help: " + e.getMessage());
        }
        out.flush();
    }

    /** The jar manifest's Implementation-Version, or a note that this is a development build. */
    static String version() {
        String v = ConsoleCli.class.getPackage().getImplementationVersion();
        return v == null ? "(development build)" : v;
    }
}
