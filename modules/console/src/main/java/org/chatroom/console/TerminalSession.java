package org.chatroom.console;

import org.chatroom.client.cli.ClientOptions;
import java.time.ZoneId;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.chatroom.client.ChatClient;
import org.chatroom.client.ChatEvent;
import org.chatroom.client.ChatEvent.ConnectionState;
import org.chatroom.client.Credentials;
import org.chatroom.client.DisconnectCause;
import org.chatroom.protocol.NameRules;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * Interactive mode. Only this (main) thread calls {@code readLine}; the client's reader thread shows
 * events with {@link LineReader#printAbove}, which redraws the prompt and the half-typed input below
 * them. The prompt shows our nick and the current room. Ctrl-D and Ctrl-C leave with a QUIT.
 * Exit codes: 0 after the user quit, 1 when the client stopped for another reason (kicked, banned…).
 */
final class TerminalSession {
    private static final long QUIT_WAIT_SECONDS = 10;

    private final ClientOptions options;
    private final AccountOption account;
    private final ClientFactory factory;
    private final Terminal terminal;
    private final LineReader reader;
    private final LivePrompt livePrompt;
    private volatile ChatClient client;
    private volatile RoomFocus focus;
    private volatile ConnectionState stopped;
    private volatile boolean everConnected;
    /** The prompt while asking for something before there is a client (the password). */
    private volatile String asking;

    TerminalSession(ClientOptions options, ClientFactory factory, Terminal terminal) {
        this(options, null, factory, terminal);
    }

    /** @param account the account to log in to, or null; without a stored password it is asked for, masked */
    TerminalSession(ClientOptions options, AccountOption account, ClientFactory factory, Terminal terminal) {
        this.options = options;
        this.account = account;
        this.factory = factory;
        this.terminal = terminal;
        this.reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName(ConsoleCli.PROGRAM)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.INSERT_TAB, true)
                .option(LineReader.Option.ERASE_LINE_ON_FINISH, true) // our own lines come back as events
                .build();
        this.livePrompt = new LivePrompt(reader, this::prompt);
    }

    int run() {
        String nick = options.nick() != null ? options.nick() : askNick();
        if (nick == null) {
            return 0;
        }
        Credentials credentials = null;
        if (account != null) {
            String password;
            try {
                password = account.storedPassword(System::getenv);
            } catch (AccountOption.PasswordException e) {
                terminal.writer().println(ConsoleCli.PROGRAM + ": " + e.getMessage());
                terminal.writer().flush();
                return 2;
            }
            password = password != null ? password : askPassword();
            if (password == null) {
                return 0;
            }
            credentials = account.credentials(password);
        }
        try (ChatClient c = new ChatClient(factory.config(options, nick, true, credentials))) {
            client = c;
            focus = new RoomFocus(c::rooms);
            EventFormatter formatter = new EventFormatter(ZoneId.systemDefault(), focus::current);
            c.addListener(focus);
            c.addListener(event -> show(event, formatter));
            CommandInterpreter interpreter = new CommandInterpreter(c, focus, this::feedback);
            feedback("type /help for commands, /quit to leave");
            c.connect();
            String quitReason = "";
            while (stopped == null) {
                String line;
                try {
                    line = reader.readLine(prompt());
                } catch (UserInterruptException | EndOfFileException e) {
                    break;
                }
                if (stopped != null) {
                    break;
                }
                CommandInterpreter.Result r = interpreter.handle(line);
                if (r.quit()) {
                    quitReason = r.quitReason();
                    break;
                }
            }
            if (stopped != null) {
                return 1;
            }
            ConnectionState end = c.quit(quitReason).get(QUIT_WAIT_SECONDS, TimeUnit.SECONDS);
            return end.cause() == DisconnectCause.USER_QUIT ? 0 : 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (ExecutionException | TimeoutException e) {
            return 1;
        } finally {
            terminal.writer().flush();
        }
    }

    private String askNick() {
        while (true) {
            String nick;
            try {
                nick = reader.readLine(prompt()).strip();
            } catch (UserInterruptException | EndOfFileException e) {
                return null;
            }
            String problem = NameRules.nickProblem(nick, ConsoleCli.MAX_NICK_LENGTH);
            if (problem == null) {
                return nick;
            }
            terminal.writer().println(problem);
            terminal.writer().flush();
        }
    }

    /** Asks for the account's password with every character shown as '*', kept out of the input history. */
    private String askPassword() {
        asking = "password for " + account.account() + ": ";
        reader.setVariable(LineReader.DISABLE_HISTORY, true);
        try {
            while (true) {
                String password = reader.readLine(asking, '*');
                if (!password.isEmpty()) {
                    return password;
                }
                terminal.writer().println("the password is empty; Ctrl-D to leave");
                terminal.writer().flush();
            }
        } catch (UserInterruptException | EndOfFileException e) {
            return null;
        } finally {
            reader.setVariable(LineReader.DISABLE_HISTORY, false);
            asking = null;
        }
    }

    private void show(ChatEvent event, EventFormatter formatter) {
        if (event instanceof ConnectionState s && s.status() == ConnectionState.Status.CONNECTED) {
            everConnected = true;
        }
        if (event instanceof ConnectionState s && s.status() == ConnectionState.Status.RECONNECTING && !everConnected) {
            // a connection that never worked (wrong host or port) will not start working: say why and stop
            reader.printAbove(new AttributedString("!!! " + s.reason(), EventFormatter.ERROR));
            stop(s);
            return;
        }
        AttributedString line = formatter.format(event);
        if (line != null) {
            reader.printAbove(line);
        }
        if (event instanceof ConnectionState s && s.status() == ConnectionState.Status.DISCONNECTED) {
            if (s.cause() != DisconnectCause.USER_QUIT && s.cause() != DisconnectCause.CLOSED) {
                stop(s);
            }
            return;
        }
        if (event instanceof ConnectionState || isSelf(event)) {
            refreshPrompt();
        }
    }

    private void stop(ConnectionState why) {
        if (stopped == null) {
            stopped = why;
            terminal.raise(Terminal.Signal.INT); // wakes readLine with UserInterruptException
        }
    }

    private static boolean isSelf(ChatEvent e) {
        return e instanceof ChatEvent.Joined j && j.self() || e instanceof ChatEvent.Parted p && p.self()
                || e instanceof ChatEvent.Kicked k && k.self() || e instanceof ChatEvent.NickChanged n && n.self();
    }

    private void refreshPrompt() {
        livePrompt.refresh();
    }

    private void feedback(String text) {
        reader.printAbove(new AttributedString(text, EventFormatter.MUTED));
    }

    /**
     * {@code alice #lobby> }, or {@code alice (offline)> } while not connected; {@code nick: } before
     * there is a client. Every read shows this, whatever was passed to readLine (see {@link LivePrompt}).
     */
    String prompt() {
        ChatClient c = client;
        if (c == null) {
            String a = asking;
            return a != null ? a : "nick: ";
        }
        String room = focus.current();
        String where = !c.isConnected() ? " (offline)" : room == null ? "" : " " + room;
        return new AttributedString(c.nick() + where + "> ", AttributedStyle.BOLD).toAnsi(terminal);
    }
}
