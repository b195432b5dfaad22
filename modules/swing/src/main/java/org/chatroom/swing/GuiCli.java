package org.chatroom.swing;

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
final class GuiCli {
    static final String PROGRAM = "chat-gui";

    private final PrintStream out;
    private final PrintStream err;

    /** The outcome: options to run with, or an exit code to return right away. */
    record Parsed(GuiOptions options, int exitCode) {
    }

    GuiCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    static Options options() {
        Options o = new Options();
        ClientOptions.addTo(o, "the last one used, else " + GuiOptions.DEFAULT_HOST, "the last one used, else "
                + GuiOptions.DEFAULT_PORT + ", or " + GuiOptions.DEFAULT_TLS_PORT + " with --tls",
                "your nick; when given, connect at once without the login dialog");
        o.addOption(Option.builder().longOpt("max-lines").hasArg().argName("N")
                .desc("lines each tab keeps (default " + GuiOptions.DEFAULT_MAX_LINES + ", 100-1000000)").get());
        o.addOption(Option.builder("h").longOpt("help").desc("print this help and exit").get());
        o.addOption(Option.builder("V").longOpt("version").desc("print the version and exit").get());
        return o;
    }

    /** Parses {@code args}; missing host/port/TLS come from {@code remembered} (the last login). */
    Parsed parse(String[] args, GuiOptions remembered) {
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
        ClientOptions c;
        try {
            // with --nick the remembered TLS choice does not apply: the command line says it all
            c = ClientOptions.from(cl, new ClientOptions.Defaults(remembered.host(), remembered.port(), remembered.tls(),
                    !cl.hasOption("nick") && remembered.tls()));
        } catch (ClientOptions.UsageException e) {
            return usageError(e.getMessage());
        } catch (IOException e) {
            err.println(PROGRAM + ": " + e.getMessage());
            return new Parsed(null, 2);
        }
        Integer maxLines = number(cl, "max-lines", remembered.maxLines(), 100, 1_000_000);
        if (maxLines == null) {
            return new Parsed(null, 2);
        }
        return new Parsed(new GuiOptions(c.host(), c.port(), c.nick(), c.tls(), maxLines, c.trust()), 0);
    }

    private Integer number(CommandLine cl, String name, int fallback, int min, int max) {
        String text = cl.getOptionValue(name, String.valueOf(fallback)).strip();
        int n;
        try {
            n = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            usageError("--" + name + " " + text + " is not a number (" + min + "-" + max + ")");
            return null;
        }
        if (n < min || n > max) {
            usageError("--" + name + " " + n + " is out of range (" + min + "-" + max + ")");
            return null;
        }
        return n;
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
                    "The Chatroom desktop client. Without --nick a login dialog asks for the server and nick "
                            + "(it remembers the last ones). Type /help in the window for the commands.",
                    options, "A server whose certificate is not trusted shows it (subject, whether self-signed, "
                            + "SHA-256 fingerprint) and asks whether to trust it: compare the fingerprint with the one "
                            + "the operator gave you (chat-server --generate-keystore prints it). A certificate you "
                            + "accept is remembered for that server and port. "
                            + "Exit status: 0 ok, 2 usage error.", false);
        } catch (IOException e) {
            err.println(PROGRAM + ": cannot print help: " + e.getMessage());
        }
        out.flush();
    }

    /** The jar manifest's Implementation-Version, or a note that this is a development build. */
    static String version() {
        String v = GuiCli.class.getPackage().getImplementationVersion();
        return v == null ? "(development build)" : v;
    }
}
