package org.chatroom.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.help.HelpFormatter;
import org.apache.commons.cli.help.TextHelpAppendable;

/**
 * The admin command line: {@code chat-admin [options] COMMAND [ARGS]} runs one command and exits;
 * with no command it opens the interactive console. Never calls System.exit; {@link #run} returns
 * the exit status: 0 done, 1 the daemon refused or failed, 2 usage, 3 the daemon is not running
 * or its socket cannot be used.
 */
public final class AdminCli {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_NOT_RUNNING = 3;
    static final String NAME = "chat-admin";

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    public AdminCli(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    static Options options() {
        Options o = new Options();
        o.addOption(Option.builder("s").longOpt("socket").hasArg().argName("PATH")
                .desc("the daemon's admin socket (default: admin.socket from the configuration file)").get());
        o.addOption(Option.builder("c").longOpt("config").hasArg().argName("FILE")
                .desc("the daemon's configuration file (default: conf/chat-server.properties in the install folder)").get());
        o.addOption(Option.builder().longOpt("home").hasArg().argName("DIR")
                .desc("install folder that relative paths resolve against (default: the parent of conf/, else .)").get());
        o.addOption(Option.builder("j").longOpt("json").desc("print data as one JSON document").get());
        o.addOption(Option.builder("h").longOpt("help").desc("show this help and exit").get());
        o.addOption(Option.builder("V").longOpt("version").desc("show the version and exit").get());
        return o;
    }

    public int run(String[] args) {
        CommandLine cl;
        try {
            cl = new DefaultParser().parse(options(), args, true);
        } catch (ParseException e) {
            err.println(NAME + ": " + e.getMessage() + " (try --help)");
            return EXIT_USAGE;
        }
        if (cl.hasOption("help")) {
            out.print(help());
            return EXIT_OK;
        }
        if (cl.hasOption("version")) {
            out.println(NAME + " " + version());
            return EXIT_OK;
        }
        boolean json = cl.hasOption("json");
        List<String> words = new ArrayList<>();
        for (String a : cl.getArgList()) {
            if (a.equals("--json") || a.equals("-j")) {
                json = true;
            } else {
                words.add(a);
            }
        }
        if (!words.isEmpty() && words.get(0).startsWith("-")) {
            err.println(NAME + ": unknown option '" + words.get(0) + "' (try --help)");
            return EXIT_USAGE;
        }
        SocketLocator.Location where;
        try {
            where = SocketLocator.locate(cl.getOptionValue("socket"), cl.getOptionValue("config"), cl.getOptionValue("home"));
        } catch (SocketLocator.ConfigProblem e) {
            err.println(NAME + ": " + e.getMessage());
            return EXIT_USAGE;
        }
        if (words.isEmpty()) {
            return new AdminConsole(where, json, err).runSystem(in, out);
        }
        return oneShot(where, words, json);
    }

    private int oneShot(SocketLocator.Location where, List<String> words, boolean json) {
        String command = words.get(0).toLowerCase(Locale.ROOT);
        List<String> request = new ArrayList<>(words);
        if (command.equals("account") && words.size() >= 2 && (words.get(1).equals("add") || words.get(1).equals("passwd"))) {
            if (words.size() != 3) {
                err.println(NAME + ": usage: account " + words.get(1) + " NAME (the password is read from the terminal"
                        + " or standard input, never from the command line)");
                return EXIT_USAGE;
            }
            try {
                request.add(PasswordInput.read(words.get(2), in));
            } catch (PasswordInput.Problem e) {
                err.println(NAME + ": " + e.getMessage());
                return EXIT_USAGE;
            }
        }
        if (json) {
            request.add("--json");
        }
        try (AdminConnection c = connect(where)) {
            c.send(RequestLine.of(request));
            if (command.equals("monitor")) {
                return stream(c);
            }
            AdminResponse r = c.readReply();
            return print(command, r, json, out::println, line -> err.println(NAME + ": " + line));
        } catch (NotRunningException e) {
            err.println(NAME + ": " + e.getMessage());
            return EXIT_NOT_RUNNING;
        }
    }

    /** Prints monitor events as they come until the daemon ends the stream or the user presses Ctrl-C. */
    private int stream(AdminConnection c) throws NotRunningException {
        String status = c.readLine();
        if (status == null) {
            throw new NotRunningException("chat-server closed the admin connection (" + c.path() + ")");
        }
        if (!status.equals(org.chatroom.protocol.admin.AdminWire.OK)) {
            AdminResponse r = AdminResponse.parse(status, List.of());
            err.println(NAME + ": " + r.message());
            return r.exitCode();
        }
        String line;
        while ((line = c.readLine()) != null && !line.isEmpty()) {
            if (org.chatroom.protocol.admin.AdminWire.parseStatus(line) != null) { // the daemon ended the stream (shutting down, or we read too slowly)
                AdminResponse r = AdminResponse.parse(line, List.of());
                err.println(NAME + ": " + r.message());
                return r.exitCode();
            }
            out.println(line);
            out.flush();
        }
        return EXIT_OK;
    }

    static AdminConnection connect(SocketLocator.Location where) throws NotRunningException {
        try {
            return AdminConnection.open(where.socket());
        } catch (NotRunningException e) {
            if (where.disabled()) {
                throw new NotRunningException("chat-server has no admin socket: admin.enabled=false in " + where.configFile());
            }
            throw e;
        }
    }

    /** Prints a reply (table, record, JSON or text) and returns the exit status it means. */
    static int print(String command, AdminResponse r, boolean json, Consumer<String> out, Consumer<String> err) {
        if (!r.ok()) {
            err.accept(r.message());
            return r.exitCode();
        }
        List<String> lines = json ? r.body() : ReplyFormatter.format(command, r.body());
        lines.forEach(out);
        return EXIT_OK;
    }

    static String version() {
        String v = AdminCli.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    static String help() {
        StringWriter sw = new StringWriter();
        HelpFormatter f = HelpFormatter.builder().setShowSince(false)
                .setHelpAppendable(new TextHelpAppendable(sw)).get();
        try {
            f.printHelp(NAME + " [options] [COMMAND [ARGS...]]",
                    "Administers a running chat-server through its admin socket. With a COMMAND, runs it and exits;"
                            + " without, opens an interactive console (help, history, tab completion).",
                    options(),
                    "Commands: list, info NICK, rooms, kick NICK [REASON], ban MASK [DURATION] [REASON], unban MASK,"
                            + " bans, say [ROOM] TEXT, topic ROOM TEXT, account add|passwd NAME (password from the terminal or"
                            + " standard input), account del NAME, account list, history stats [ROOM], history purge ROOM"
                            + " [before TIME|DATE|AGE], stats, monitor, reload,"
                            + " shutdown [MESSAGE], help.\n"
                            + "Exit status: 0 done, 1 the daemon refused (no such nick, ...), 2 usage error,"
                            + " 3 chat-server is not running or its socket cannot be used.",
                    true);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return sw.toString();
    }
}
