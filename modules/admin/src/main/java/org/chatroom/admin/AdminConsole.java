package org.chatroom.admin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.jline.reader.Candidate;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The interactive admin console: one connection kept open, a prompt with line editing and history
 * (JLine), tab completion of commands, nicks and rooms, tables as in one-shot mode, and
 * {@code monitor} until Ctrl-C. When standard input is not a terminal, requests are read one per
 * line without a prompt (for scripts) and the status is that of the last request that failed.
 */
final class AdminConsole {
    static final String PROMPT = "chat-admin> ";
    static final List<String> COMMANDS = List.of("list", "info", "nicks", "rooms", "kick", "ban", "unban", "bans",
            "say", "topic", "op", "deop", "stats", "monitor", "reload", "shutdown", "version", "help", "exit");

    private final SocketLocator.Location where;
    private final boolean json;
    private final PrintStream err;
    private AdminConnection connection;

    AdminConsole(SocketLocator.Location where, boolean json, PrintStream err) {
        this.where = where;
        this.json = json;
        this.err = err;
    }

    /** On a real terminal, the JLine console; otherwise the plain pipe mode. */
    int runSystem(InputStream in, PrintStream out) {
        if (System.console() == null || in != System.in) {
            return runPipe(in, out);
        }
        try (Terminal terminal = TerminalBuilder.builder().system(true).name(AdminCli.NAME).build()) {
            return run(terminal);
        } catch (IOException e) {
            err.println(AdminCli.NAME + ": cannot open the terminal: " + e.getMessage());
            return AdminCli.EXIT_FAILED;
        }
    }

    int runPipe(InputStream in, PrintStream out) {
        try {
            connection = AdminCli.connect(where);
        } catch (NotRunningException e) {
            err.println(AdminCli.NAME + ": " + e.getMessage());
            return AdminCli.EXIT_NOT_RUNNING;
        }
        int status = AdminCli.EXIT_OK;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String word = firstWord(line);
                if (word.isEmpty()) {
                    continue;
                }
                if (word.equals("exit") || word.equals("quit")) {
                    break;
                }
                int code = execute(line, out::println, m -> err.println(AdminCli.NAME + ": " + m), null);
                if (code == AdminCli.EXIT_NOT_RUNNING) {
                    return code;
                }
                if (code != AdminCli.EXIT_OK) {
                    status = code;
                }
            }
        } catch (IOException e) {
            err.println(AdminCli.NAME + ": cannot read standard input: " + e.getMessage());
            return AdminCli.EXIT_FAILED;
        } finally {
            connection.close();
        }
        return status;
    }

    /** The console on {@code terminal}; returns when the user types exit or presses Ctrl-D. */
    int run(Terminal terminal) {
        PrintWriter w = terminal.writer();
        try {
            connection = AdminCli.connect(where);
        } catch (NotRunningException e) {
            err.println(AdminCli.NAME + ": " + e.getMessage());
            return AdminCli.EXIT_NOT_RUNNING;
        }
        LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName(AdminCli.NAME)
                .completer(this::complete)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true) // '!' appears in ban masks
                .build();
        w.println("Connected to chat-server at " + where.socket() + ". Type help for the commands, exit or Ctrl-D to leave.");
        w.flush();
        try {
            while (true) {
                String line;
                try {
                    line = reader.readLine(PROMPT);
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    break;
                }
                String word = firstWord(line);
                if (word.isEmpty()) {
                    continue;
                }
                if (word.equals("exit") || word.equals("quit")) {
                    break;
                }
                execute(line, l -> w.println(l), m -> w.println(AdminCli.NAME + ": " + m), terminal);
                w.flush();
            }
        } finally {
            if (connection != null) {
                connection.close();
            }
        }
        return AdminCli.EXIT_OK;
    }

    /** Runs one request line; reconnects once if the daemon dropped an idle connection. */
    private int execute(String line, Consumer<String> out, Consumer<String> errors, Terminal terminal) {
        String command = firstWord(line);
        if (command.equals("account") && line.strip().matches("account\\s+(add|passwd)\\b.*")) {
            // a password typed here would sit in the console's history: it is asked for by the one-shot command only
            errors.accept("account add and passwd read the password without echo: run chat-admin account add NAME");
            return AdminCli.EXIT_USAGE;
        }
        boolean wantJson = json || line.contains("--json");
        String request = json && !line.contains("--json") ? line.strip() + " --json" : line.strip();
        try {
            if (connection == null) {
                connection = AdminCli.connect(where);
            }
            if (command.equals("monitor")) {
                return monitor(request, out, errors, terminal);
            }
            AdminResponse r;
            try {
                r = connection.call(request);
            } catch (NotRunningException lost) {
                connection.close();
                connection = AdminCli.connect(where);
                r = connection.call(request);
            }
            return AdminCli.print(command, r, wantJson, out, errors);
        } catch (NotRunningException e) {
            if (connection != null) {
                connection.close();
                connection = null;
            }
            errors.accept(e.getMessage());
            return AdminCli.EXIT_NOT_RUNNING;
        }
    }

    /** Streams events until the daemon ends the stream or Ctrl-C (which sends a line to stop it). */
    private int monitor(String request, Consumer<String> out, Consumer<String> errors, Terminal terminal)
            throws NotRunningException {
        AdminConnection c = connection;
        c.send(request);
        String status = c.readLine();
        if (status == null) {
            throw new NotRunningException("chat-server closed the admin connection (" + c.path() + ")");
        }
        if (!status.equals(org.chatroom.protocol.admin.AdminWire.OK)) {
            AdminResponse r = AdminResponse.parse(status, List.of());
            errors.accept(r.message());
            return r.exitCode();
        }
        Terminal.SignalHandler previous = null;
        if (terminal != null) {
            out.accept("(monitoring; Ctrl-C stops)");
            terminal.flush();
            previous = terminal.handle(Terminal.Signal.INT, s -> {
                try {
                    c.send("stop");
                } catch (NotRunningException e) {
                    c.close();
                }
            });
        }
        try {
            String line;
            while ((line = c.readLine()) != null && !line.isEmpty()) {
                out.accept(line);
                if (terminal != null) {
                    terminal.flush();
                }
            }
            if (line == null) {
                connection = null;
            }
        } finally {
            if (terminal != null) {
                terminal.handle(Terminal.Signal.INT, previous);
            }
        }
        return AdminCli.EXIT_OK;
    }

    /** Completes the command word, then nicks (info, kick, ban) or rooms (topic). */
    void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        if (line.wordIndex() == 0) {
            COMMANDS.forEach(c -> candidates.add(new Candidate(c)));
            return;
        }
        if (line.wordIndex() != 1) {
            return;
        }
        String command = line.words().get(0).toLowerCase(Locale.ROOT);
        try {
            if (connection == null) {
                connection = AdminCli.connect(where);
            }
            switch (command) {
                case "info", "kick", "ban" -> {
                    AdminResponse r = connection.call("nicks");
                    if (r.ok()) {
                        r.body().forEach(n -> candidates.add(new Candidate(n)));
                    }
                }
                case "topic", "op", "deop" -> {
                    AdminResponse r = connection.call("rooms");
                    if (r.ok()) {
                        r.body().forEach(l -> candidates.add(new Candidate(ReplyFormatter.parseRow(l).get("room"))));
                    }
                }
                case "help" -> COMMANDS.forEach(c -> candidates.add(new Candidate(c)));
                default -> {
                    // free text or a mask: nothing to offer
                }
            }
        } catch (NotRunningException e) {
            connection = null; // completion stays silent; the next command reports the problem
        }
    }

    private static String firstWord(String line) {
        String t = line.strip();
        int sp = t.indexOf(' ');
        return (sp < 0 ? t : t.substring(0, sp)).toLowerCase(Locale.ROOT);
    }
}
