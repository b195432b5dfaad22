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
import org.chatroom.client.TlsTrust;

/** Parses the command line; prints help, version and usage errors. Never exits the JVM. */
final class ConsoleCli {
    static final String PROGRAM = "chat-console";
    static final int MAX_NICK_LENGTH = org.chatroom.client.input.InputParser.MAX_NICK_LENGTH;

    private final PrintStream out;
    private final PrintStream err;

    /** The outcome: options to run with, or an exit code to return right away. */
    record Parsed(ConsoleOptions options, int exitCode) {
    }

    ConsoleCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    static Options options() {
        Options o = new Options();
        o.addOption(Option.builder().longOpt("host").hasArg().argName("HOST")
                .desc("server host name or address (default " + ConsoleOptions.DEFAULT_HOST + ")").get());
        o.addOption(Option.builder("p").longOpt("port").hasArg().argName("PORT")
                .desc("server port (default " + ConsoleOptions.DEFAULT_PORT + ", or " + ConsoleOptions.DEFAULT_TLS_PORT
                        + " with --tls)").get());
        o.addOption(Option.builder("n").longOpt("nick").hasArg().argName("NICK")
                .desc("your nick; asked for at start if missing in a terminal").get());
        o.addOption(Option.builder().longOpt("tls").desc("connect with TLS; the server's certificate must be "
                + "trusted by Java's trust store and name the host, unless --trust-fingerprint or --truststore says "
                + "otherwise").get());
        o.addOption(Option.builder().longOpt("trust-fingerprint").hasArg().argName("SHA256")
                .desc("with --tls: trust exactly the certificate with this SHA-256 fingerprint (64 hex digits, "
                        + "colons optional), e.g. a self-signed one; the server operator has it, and a refused "
                        + "connection shows it").get());
        o.addOption(Option.builder().longOpt("truststore").hasArg().argName("FILE")
                .desc("with --tls: trust the certificates in this PKCS12 or JKS truststore instead of Java's").get());
        o.addOption(Option.builder().longOpt("truststore-password").hasArg().argName("PASSWORD")
                .desc("the password of --truststore, if it has one").get());
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
        String host = cl.getOptionValue("host", ConsoleOptions.DEFAULT_HOST);
        if (host.isBlank()) {
            return usageError("--host is empty");
        }
        boolean tls = cl.hasOption("tls");
        int port;
        String portText = cl.getOptionValue("port",
                String.valueOf(tls ? ConsoleOptions.DEFAULT_TLS_PORT : ConsoleOptions.DEFAULT_PORT));
        try {
            port = Integer.parseInt(portText.trim());
        } catch (NumberFormatException e) {
            return usageError("--port " + portText + " is not a number (1-65535)");
        }
        if (port < 1 || port > 65535) {
            return usageError("--port " + port + " is out of range (1-65535)");
        }
        String nick = cl.getOptionValue("nick");
        if (nick != null) {
            String problem = org.chatroom.protocol.NameRules.nickProblem(nick, MAX_NICK_LENGTH);
            if (problem != null) {
                return usageError("--nick " + nick + ": " + problem);
            }
        }
        TlsTrust trust;
        try {
            trust = trust(cl, tls);
        } catch (IllegalArgumentException e) {
            return usageError(e.getMessage());
        } catch (IOException e) {
            err.println(PROGRAM + ": " + e.getMessage());
            return new Parsed(null, 2);
        }
        return new Parsed(new ConsoleOptions(host, port, nick, tls, trust), 0);
    }

    /** The trust options, checked as every client checks them: null for Java's trust store. */
    private static TlsTrust trust(CommandLine cl, boolean tls) throws IOException {
        return TlsTrust.fromOptions(tls, cl.getOptionValue("trust-fingerprint"), cl.getOptionValue("truststore"),
                cl.getOptionValue("truststore-password"));
    }

    private Parsed usageError(String message) {
        err.println(PROGRAM + ": " + message + "; try --help");
        return new Parsed(null, 2);
    }

    private void printHelp(Options options) {
        HelpFormatter help = HelpFormatter.builder().setShowSince(false)
                .setHelpAppendable(new TextHelpAppendable(out)).get();
        try {
            help.printHelp(PROGRAM + ".sh [--host HOST] [--port PORT] [--nick NICK] [--tls [--trust-fingerprint SHA256"
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
