package org.chatroom.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.help.HelpFormatter;
import org.apache.commons.cli.help.TextHelpAppendable;
import org.chatroom.bench.load.BenchConfig;
import org.chatroom.bench.load.LoadRun;
import org.chatroom.bench.load.RunResult;
import org.chatroom.bench.load.Scenario;
import org.chatroom.bench.load.Transport;
import org.chatroom.bench.report.ResultJson;
import org.chatroom.bench.report.ResultTable;

/**
 * The chat-bench command line: parse, build a {@link BenchConfig}, run, print. Returns the exit
 * code (0 run clean, 1 losses or failed connections, 2 usage error) and never calls System.exit.
 */
public final class BenchCli {
    static final String NAME = "chat-bench";
    private static final String ROOM_CHARS = "#&";

    private final PrintStream out;
    private final PrintStream err;

    public BenchCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    static Options options() {
        Options o = new Options();
        o.addOption(opt("H", "host", "HOST", "server address (default 127.0.0.1; only loopback unless --allow-remote)"));
        o.addOption(opt("p", "port", "N", "server port (default 6667; 8080 with --transport ws)"));
        o.addOption(opt(null, "sender-target", "HOST:PORT", "the senders connect here instead (several daemons of one"
                + " cluster: senders on one node)"));
        o.addOption(opt(null, "receiver-targets", "HOST:PORT,...", "the other members connect here instead, spread"
                + " evenly over the addresses (receivers on the other nodes)"));
        o.addOption(opt("t", "transport", "NAME", "tcp (IRC lines on a socket, default) or ws (IRCv3 WebSocket,"
                + " subprotocol text.ircv3.net, one line per frame)"));
        o.addOption(opt(null, "ws-path", "PATH", "the WebSocket endpoint with --transport ws (default /socket)"));
        o.addOption(opt("s", "scenario", "NAME", "F1 (fan-out throughput), F2 (fan-out at a fixed rate) or C"
                + " (idle connections); default F1"));
        o.addOption(opt("c", "clients", "N", "room members (F1 200, F2 1000)"));
        o.addOption(opt(null, "senders", "N", "members that send (F1 10, F2 5)"));
        o.addOption(opt(null, "rate", "N", "messages per second over all senders; 0 = as fast as the window allows"
                + " (F1 0, F2 200)"));
        o.addOption(opt(null, "in-flight", "N", "per sender, messages not yet received by every other member"
                + " (F1 50, F2 1000)"));
        o.addOption(opt("d", "duration", "SECONDS", "measured time (F1/F2) or hold time (C); default 10"));
        o.addOption(opt(null, "warmup", "SECONDS", "sending before measuring starts (default 2)"));
        o.addOption(opt("n", "connections", "N", "connections to open and hold in scenario C (default 10000)"));
        o.addOption(opt(null, "connect-rate", "N", "new connections per second at most (default 1000)"));
        o.addOption(opt(null, "room", "NAME", "room to use (default #bench); lines for other rooms are ignored"));
        o.addOption(opt(null, "nick-prefix", "TEXT", "nicks are TEXT plus a number (default b plus 3 random"
                + " characters, so runs do not collide)"));
        o.addOption(opt(null, "payload", "BYTES", "message text length, at least " + BenchConfig.MIN_PAYLOAD
                + " (default 64)"));
        o.addOption(opt(null, "stalled", "N", "room members that stop reading once joined, to test a slow consumer's"
                + " effect on the others (default 0)"));
        o.addOption(opt(null, "threads", "N", "generator I/O threads (default 2)"));
        o.addOption(opt(null, "setup-timeout", "SECONDS", "bound on registering and joining, after the connect"
                + " schedule (default 60)"));
        o.addOption(opt(null, "drain-timeout", "SECONDS", "bound on waiting for the last deliveries (default 10)"));
        o.addOption(opt(null, "server-pid", "PID", "sample this process's CPU and memory during the run (Linux)"));
        o.addOption(Option.builder().longOpt("allow-remote").desc("allow a host that is not loopback").get());
        o.addOption(Option.builder("j").longOpt("json").desc("print the result as one JSON document").get());
        o.addOption(Option.builder("q").longOpt("quiet").desc("no progress line on stderr").get());
        o.addOption(Option.builder("h").longOpt("help").desc("print this help and exit").get());
        o.addOption(Option.builder("V").longOpt("version").desc("print the version and exit").get());
        return o;
    }

    private static Option opt(String shortName, String longName, String arg, String desc) {
        return Option.builder(shortName).longOpt(longName).hasArg().argName(arg).desc(desc).get();
    }

    public int run(String... args) {
        CommandLine cl;
        try {
            cl = new DefaultParser().parse(options(), args);
        } catch (ParseException e) {
            return usage(e.getMessage());
        }
        if (cl.hasOption("help")) {
            out.print(help());
            return 0;
        }
        if (cl.hasOption("version")) {
            out.println(NAME + " " + version());
            return 0;
        }
        if (!cl.getArgList().isEmpty()) {
            return usage("unexpected argument '" + cl.getArgList().get(0) + "'");
        }
        BenchConfig cfg;
        long serverPid;
        try {
            cfg = config(cl);
            serverPid = cl.hasOption("server-pid") ? intIn(cl, "server-pid", 1, Integer.MAX_VALUE, 0) : -1;
        } catch (UsageException e) {
            return usage(e.getMessage());
        }
        RunResult result;
        try {
            result = new LoadRun(cfg, cl.hasOption("quiet") ? null : err, serverPid).run();
        } catch (IOException e) {
            err.println(NAME + ": " + e.getMessage());
            return 1;
        }
        if (cl.hasOption("json")) {
            out.println(ResultJson.format(result, version()));
        } else {
            out.print(ResultTable.format(result));
        }
        if (!result.ok()) {
            err.println(NAME + ": run not clean: " + ResultTable.problems(result));
            return 1;
        }
        return 0;
    }

    static BenchConfig config(CommandLine cl) throws UsageException {
        Scenario scenario = Scenario.F1;
        if (cl.hasOption("scenario")) {
            scenario = Scenario.byName(cl.getOptionValue("scenario"));
            if (scenario == null) {
                throw new UsageException("--scenario " + cl.getOptionValue("scenario") + " is unknown (F1, F2 or C)");
            }
        }
        String host = cl.getOptionValue("host", "127.0.0.1");
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new UsageException("--host " + host + ": unknown host");
        }
        if (!address.isLoopbackAddress() && !cl.hasOption("allow-remote")) {
            throw new UsageException("--host " + host + " is not a loopback address; load tests go to this machine"
                    + " unless you add --allow-remote");
        }
        Transport transport = Transport.TCP;
        if (cl.hasOption("transport")) {
            transport = Transport.byLabel(cl.getOptionValue("transport"));
            if (transport == null) {
                throw new UsageException("--transport " + cl.getOptionValue("transport") + " is unknown (tcp or ws)");
            }
        }
        String wsPath = cl.getOptionValue("ws-path", "/socket");
        if (!wsPath.matches("/[!-~]*")) {
            throw new UsageException("--ws-path " + wsPath + " is not a path (/ then printable characters, no spaces)");
        }
        if (cl.hasOption("ws-path") && transport != Transport.WS) {
            throw new UsageException("--ws-path needs --transport ws");
        }
        int port = intIn(cl, "port", 1, 65535, transport.defaultPort());
        int clients = scenario.joinsRoom()
                ? intIn(cl, "clients", 1, 1_000_000, scenario.defaultClients())
                : intIn(cl, "connections", 1, 1_000_000, intIn(cl, "clients", 1, 1_000_000, scenario.defaultClients()));
        int senders = scenario.joinsRoom() ? intIn(cl, "senders", 0, clients, Math.min(clients - 1,
                scenario.defaultSenders())) : 0;
        int rate = intIn(cl, "rate", 0, 10_000_000, scenario.defaultRate());
        int inFlight = intIn(cl, "in-flight", 1, 1_000_000, scenario.defaultInFlight() == 0 ? 1
                : scenario.defaultInFlight());
        Duration duration = Duration.ofSeconds(intIn(cl, "duration", 1, 86_400, scenario.defaultDurationSeconds()));
        Duration warmup = Duration.ofSeconds(intIn(cl, "warmup", 0, 3600, 2));
        int connectRate = intIn(cl, "connect-rate", 1, 1_000_000, 1000);
        String room = cl.getOptionValue("room", "#bench");
        if (room.length() < 2 || ROOM_CHARS.indexOf(room.charAt(0)) < 0 || room.matches(".*[\\s,\\x00-\\x1f].*")) {
            throw new UsageException("--room " + room + " is not a room name (# or & then no spaces or commas)");
        }
        String prefix = cl.hasOption("nick-prefix") ? cl.getOptionValue("nick-prefix") : randomPrefix();
        if (!prefix.matches("[A-Za-z\\[\\]\\\\`_^{|}][A-Za-z0-9\\[\\]\\\\`_^{|}-]*")) {
            throw new UsageException("--nick-prefix " + prefix + " cannot start a nick (letters, digits, -[]\\`_^{|})");
        }
        int payload = intIn(cl, "payload", BenchConfig.MIN_PAYLOAD, 400, 64);
        int threads = intIn(cl, "threads", 1, 64, 2);
        int stalled = scenario.joinsRoom() ? intIn(cl, "stalled", 0, 1_000_000, 0) : 0;
        Duration setup = Duration.ofSeconds(intIn(cl, "setup-timeout", 1, 3600, 60));
        Duration drain = Duration.ofSeconds(intIn(cl, "drain-timeout", 1, 3600, 10));
        InetSocketAddress given = new InetSocketAddress(address, port);
        boolean remote = cl.hasOption("allow-remote");
        InetSocketAddress senderTarget = cl.hasOption("sender-target")
                ? HostPorts.parse("sender-target", cl.getOptionValue("sender-target"), remote) : given;
        List<InetSocketAddress> receiverTargets = new ArrayList<>();
        if (cl.hasOption("receiver-targets")) {
            for (String part : cl.getOptionValue("receiver-targets").split(",", -1)) {
                receiverTargets.add(HostPorts.parse("receiver-targets", part, remote));
            }
        } else {
            receiverTargets.add(senderTarget);
        }
        try { // results name the senders' address as the run's host and port
            return new BenchConfig(senderTarget, scenario, clients, senders, rate, inFlight, warmup, duration,
                    connectRate, setup, drain, room, prefix, payload, threads, stalled, transport, wsPath, senderTarget,
                    receiverTargets);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static int intIn(CommandLine cl, String name, int min, int max, int def) throws UsageException {
        String v = cl.getOptionValue(name);
        if (v == null) {
            return def;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) {
                throw new UsageException("--" + name + " " + v + " is out of range (" + min + "-" + max + ")");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " " + v + " is not a whole number (" + min + "-" + max + ")");
        }
    }

    private static String randomPrefix() {
        SecureRandom r = new SecureRandom();
        StringBuilder b = new StringBuilder("b");
        for (int i = 0; i < 3; i++) {
            b.append(Character.forDigit(r.nextInt(36), 36));
        }
        return b.toString();
    }

    private int usage(String message) {
        err.println(NAME + ": " + message);
        err.println("Try '" + NAME + " --help' for more information.");
        return 2;
    }

    static String help() {
        StringWriter sw = new StringWriter();
        HelpFormatter f = HelpFormatter.builder().setShowSince(false).setHelpAppendable(new TextHelpAppendable(sw)).get();
        try {
            f.printHelp(NAME + " [options]", "An IRC load generator: runs scenario F1, F2 or C against any IRC server"
                    + " and reports deliveries/s, latency percentiles, losses and connect times.", options(),
                    "Exit status: 0 clean run, 1 losses or failed connections, 2 usage error.", true);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return sw.toString();
    }

    static String version() {
        String v = BenchCli.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** A mistake on the command line; its message is the one line shown to the user. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
