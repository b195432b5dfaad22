package org.chatroom.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.help.HelpFormatter;
import org.apache.commons.cli.help.TextHelpAppendable;
import org.chatroom.server.auth.PasswordHash;
import org.chatroom.server.config.ConfigException;
import org.chatroom.server.config.ServerConfig;
import org.chatroom.server.config.ServerConfigKeys;
import org.chatroom.server.config.ServerConfigLoader;
import org.chatroom.server.context.ServerStartException;
import org.chatroom.server.net.TransportChoice;
import org.chatroom.server.tls.KeystoreGenerator;

/**
 * The daemon's command line: parses options, builds the configuration and either prints
 * something (help, version, a password hash) or returns a configured, unstarted server.
 * Never calls System.exit; {@link Main} maps its outcome to an exit status.
 */
public final class ServerCli {
    public static final int EXIT_OK = 0;
    public static final int EXIT_USAGE = 2;
    static final String NAME = "chat-server";

    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;

    public ServerCli(PrintStream out, PrintStream err, InputStream in) {
        this.out = out;
        this.err = err;
        this.in = in;
    }

    /** What parsing decided: an exit status now, or a config to run with. */
    public record Outcome(int exitCode, ServerConfig config, Supplier<ServerConfig> configSource, Path readyFile,
                          Path pidFile) {
        public Outcome(int exitCode, ServerConfig config) {
            this(exitCode, config, null, null, null);
        }

        public Outcome(int exitCode, ServerConfig config, Supplier<ServerConfig> configSource) {
            this(exitCode, config, configSource, null, null);
        }

        boolean shouldRun() {
            return config != null;
        }
    }

    static Options options() {
        Options o = new Options();
        o.addOption(Option.builder("c").longOpt("config").hasArg().argName("FILE")
                .desc("configuration file (default: conf/chat-server.properties in the install folder)").get());
        o.addOption(Option.builder().longOpt("home").hasArg().argName("DIR")
                .desc("install folder; relative paths in the configuration resolve against it (default: .)").get());
        o.addOption(Option.builder("p").longOpt("port").hasArg().argName("N")
                .desc("TCP port to listen on, 0 for any free port (overrides port=)").get());
        o.addOption(Option.builder("b").longOpt("bind").hasArg().argName("ADDR")
                .desc("address to listen on (overrides bind=)").get());
        o.addOption(Option.builder("o").longOpt("override").hasArg().argName("KEY=VALUE")
                .desc("set any configuration key, over the file; repeatable").get());
        o.addOption(Option.builder().longOpt("ready-file").hasArg().argName("FILE")
                .desc("once listening, write the address(es) to FILE; removed at shutdown (chat-server.sh start waits"
                        + " for it)").get());
        o.addOption(Option.builder().longOpt("pid-file").hasArg().argName("FILE")
                .desc("when stopping cleanly, remove FILE if it still holds this process's pid "
                        + "(chat-server.sh start passes its pid file, so status knows a clean stop from a crash)").get());
        o.addOption(Option.builder().longOpt("hash-password")
                .desc("read a password from standard input and print its hash for server.password").get());
        o.addOption(Option.builder().longOpt("generate-keystore")
                .desc("make a self-signed TLS keystore at tls.keystore (and its password at tls.password.file), then exit").get());
        o.addOption(Option.builder("h").longOpt("help").desc("show this help and exit").get());
        o.addOption(Option.builder("V").longOpt("version").desc("show the version and exit").get());
        return o;
    }

    public Outcome parse(String[] args) {
        CommandLine cl;
        try {
            cl = new DefaultParser().parse(options(), args);
        } catch (ParseException e) {
            return usageError(e.getMessage());
        }
        java.util.List<String> words = cl.getArgList();
        // chat-server.cmd passes its arguments through untouched, action word included: cmd.exe
        // cannot drop the first one without re-parsing (and breaking) quotes, & and % in the rest
        boolean printCmd = words.size() == 1 && words.get(0).equals("print-cmd");
        if (!words.isEmpty() && !printCmd && !(words.size() == 1 && words.get(0).equals("run"))) {
            return usageError("unexpected argument '" + words.get(0) + "'");
        }
        if (printCmd) {
            out.println(commandLine(args));
            return new Outcome(EXIT_OK, null, null);
        }
        if (cl.hasOption("help")) {
            out.print(help());
            return new Outcome(EXIT_OK, null, null);
        }
        if (cl.hasOption("version")) {
            out.println(NAME + " " + ChatServer.version());
            return new Outcome(EXIT_OK, null, null);
        }
        if (cl.hasOption("hash-password")) {
            return hashPassword();
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        if (cl.getOptionValues("override") != null) {
            for (String kv : cl.getOptionValues("override")) {
                int eq = kv.indexOf('=');
                if (eq <= 0) {
                    return usageError("--override takes KEY=VALUE, got '" + kv + "'");
                }
                overrides.put(kv.substring(0, eq).strip(), kv.substring(eq + 1));
            }
        }
        if (cl.hasOption("port")) {
            overrides.put("port", cl.getOptionValue("port"));
        }
        if (cl.hasOption("bind")) {
            overrides.put("bind", cl.getOptionValue("bind"));
        }
        Path home = Path.of(cl.getOptionValue("home", ".")).toAbsolutePath().normalize();
        try {
            Path def = home.resolve("conf/chat-server.properties");
            Path file = cl.hasOption("config") ? Path.of(cl.getOptionValue("config")) : Files.exists(def) ? def : null;
            Supplier<ServerConfig> source = file == null
                    ? () -> ServerConfigLoader.fromMap(overrides, home, "built-in defaults")
                    : () -> ServerConfigLoader.load(file, overrides, home); // admin reload re-reads the same way
            ServerConfig config = source.get();
            if (cl.hasOption("generate-keystore")) {
                return generateKeystore(config);
            }
            String notHere = bindProblem(config.get(org.chatroom.server.config.ServerConfigKeys.BIND));
            if (notHere != null) {
                err.println(NAME + ": " + notHere);
                return new Outcome(EXIT_USAGE, null);
            }
            try { // before the database opens: an explicit transport this machine cannot run is a config error
                TransportChoice.choose(config.get(ServerConfigKeys.TRANSPORT));
            } catch (ServerStartException e) {
                err.println(NAME + ": " + e.getMessage());
                return new Outcome(EXIT_USAGE, null);
            }
            Path ready = cl.hasOption("ready-file") ? Path.of(cl.getOptionValue("ready-file")).toAbsolutePath() : null;
            String pid = cl.getOptionValue("pid-file");
            return new Outcome(EXIT_OK, config, source, ready, pid == null ? null : Path.of(pid));
        } catch (ConfigException e) {
            err.println(NAME + ": " + e.getMessage());
            return new Outcome(EXIT_USAGE, null);
        }
    }

    /**
     * An address that is on none of this machine's interfaces cannot be listened on: say so before
     * binding, with the hint that fits (the address, not the port). Loopback addresses all work.
     */
    static String bindProblem(java.net.InetAddress bind) {
        if (bind.isAnyLocalAddress() || bind.isLoopbackAddress()) {
            return null;
        }
        try {
            if (java.net.NetworkInterface.getByInetAddress(bind) != null) {
                return null;
            }
        } catch (java.net.SocketException e) {
            return null; // cannot tell: let the bind itself decide
        }
        return "cannot listen on " + bind.getHostAddress() + ": that address is not on this machine "
                + "(choose one of its addresses with --bind or bind=, or 0.0.0.0 for all of them)";
    }

    /** This JVM's command line, as chat-server.cmd print-cmd shows it: java, its options, class path, arguments. */
    static String commandLine(String[] args) {
        java.util.List<String> cmd = new java.util.ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        for (String a : args) {
            if (!a.equals("print-cmd")) {
                cmd.add(a);
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String c : cmd) {
            sb.append(sb.length() > 0 ? " " : "").append(c.isEmpty() || c.matches(".*[\\s\"&%^|<>].*")
                    ? "\"" + c.replace("\"", "\\\"") + "\"" : c);
        }
        return sb.toString();
    }

    private Outcome hashPassword() {
        try {
            char[] password;
            if (System.console() != null && in == System.in) {
                password = System.console().readPassword("Password: ");
            } else {
                String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
                password = line == null ? new char[0] : line.toCharArray();
            }
            if (password == null || password.length == 0) {
                err.println(NAME + ": no password given on standard input");
                return new Outcome(EXIT_USAGE, null);
            }
            out.println(PasswordHash.create(password));
            return new Outcome(EXIT_OK, null, null);
        } catch (IOException e) {
            err.println(NAME + ": cannot read the password: " + e.getMessage());
            return new Outcome(1, null, null);
        }
    }

    private Outcome generateKeystore(ServerConfig config) {
        try {
            KeystoreGenerator.Result r = KeystoreGenerator.generate(config);
            out.println("Wrote a self-signed TLS keystore to " + r.keystore());
            out.println("and its password to " + r.passwordFile() + " (readable by you only).");
            out.println("Certificate SHA-256 fingerprint: " + r.sha256());
            out.println("Turn TLS on with tls.enabled=true in the configuration. Clients must trust this");
            out.println("certificate: give them the fingerprint above (--trust-fingerprint) or a real certificate.");
            return new Outcome(EXIT_OK, null, null);
        } catch (IOException e) {
            err.println(NAME + ": cannot generate the keystore: " + e.getMessage());
            return new Outcome(1, null, null);
        }
    }

    private Outcome usageError(String message) {
        err.println(NAME + ": " + message + " (try --help)");
        return new Outcome(EXIT_USAGE, null);
    }

    static String help() {
        StringWriter sw = new StringWriter();
        HelpFormatter f = HelpFormatter.builder().setShowSince(false)
                .setHelpAppendable(new TextHelpAppendable(sw)).get();
        try {
            f.printHelp(NAME + " [options]", "The Chatroom daemon: an IRC-compatible chat server.", options(),
                    "Exit status: 0 stopped cleanly, 2 usage or configuration error.", true);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return sw.toString();
    }
}
