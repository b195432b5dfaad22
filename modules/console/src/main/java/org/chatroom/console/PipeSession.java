package org.chatroom.console;

import org.chatroom.client.cli.ClientOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.chatroom.client.ChatClient;
import org.chatroom.client.ChatEvent;
import org.chatroom.client.ChatEvent.ConnectionState;
import org.chatroom.client.DisconnectCause;

/**
 * Plain mode for scripts: standard input is not a terminal. Each input line is handled as typed
 * (text to the room, or a /command); incoming events are printed plainly to {@code out}; connection
 * trouble goes to {@code err}. At end of input it quits and waits for the server to close.
 * Exit codes: 0 after a clean quit, 1 when the connection failed or was lost, 2 with no nick.
 */
final class PipeSession {
    private static final long CONNECT_WAIT_SECONDS = 30;
    private static final long QUIT_WAIT_SECONDS = 10;
    /** Queue entry that says the client stopped on its own. */
    private static final Object STOPPED = new Object();
    private static final Object END_OF_INPUT = new Object();

    private final ClientOptions options;
    private final AccountOption account;
    private final ClientFactory factory;
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    /** Set on the reader thread once connected. */
    private volatile boolean welcomed;

    PipeSession(ClientOptions options, ClientFactory factory, InputStream in, PrintStream out, PrintStream err) {
        this(options, null, factory, in, out, err);
    }

    /** @param account the account to log in to, or null; its password must come from a file or the environment */
    PipeSession(ClientOptions options, AccountOption account, ClientFactory factory, InputStream in, PrintStream out,
                PrintStream err) {
        this.options = options;
        this.account = account;
        this.factory = factory;
        this.in = in;
        this.out = out;
        this.err = err;
    }

    int run() {
        if (options.nick() == null) {
            err.println(ConsoleCli.PROGRAM + ": --nick is required when standard input is not a terminal");
            return 2;
        }
        org.chatroom.client.Credentials credentials = null;
        if (account != null) {
            try {
                String password = account.storedPassword(System::getenv);
                if (password == null) {
                    err.println(ConsoleCli.PROGRAM + ": --account " + account.account() + " needs its password: without a "
                            + "terminal, give --password-file FILE or set " + AccountOption.PASSWORD_ENV);
                    return 2;
                }
                credentials = account.credentials(password);
            } catch (AccountOption.PasswordException e) {
                err.println(ConsoleCli.PROGRAM + ": " + e.getMessage());
                return 2;
            }
        }
        BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
        try (ChatClient client = new ChatClient(factory.config(options, options.nick(), false, credentials))) {
            RoomFocus focus = new RoomFocus(client::rooms);
            EventFormatter formatter = new EventFormatter(ZoneId.systemDefault(), focus::current);
            client.addListener(focus);
            client.addListener(event -> print(event, formatter, queue));
            try {
                client.connect().get(CONNECT_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                return 1; // the DISCONNECTED line was printed by the listener
            } catch (TimeoutException e) {
                err.println(ConsoleCli.PROGRAM + ": no welcome from " + options.host() + ":" + options.port()
                        + " within " + CONNECT_WAIT_SECONDS + " s");
                return 1;
            }
            startInputThread(queue);
            CommandInterpreter interpreter = new CommandInterpreter(client, focus,
                    text -> err.println(ConsoleCli.PROGRAM + ": " + text));
            String quitReason = "";
            while (true) {
                Object item = queue.take();
                if (item == STOPPED) {
                    return 1;
                }
                if (item == END_OF_INPUT) {
                    break;
                }
                CommandInterpreter.Result r = interpreter.handle((String) item);
                if (r.quit()) {
                    quitReason = r.quitReason();
                    break;
                }
            }
            ConnectionState end = client.quit(quitReason).get(QUIT_WAIT_SECONDS, TimeUnit.SECONDS);
            return end.cause() == DisconnectCause.USER_QUIT ? 0 : 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (ExecutionException | TimeoutException e) {
            err.println(ConsoleCli.PROGRAM + ": the server did not acknowledge the quit");
            return 1;
        }
    }

    private void print(ChatEvent event, EventFormatter formatter, BlockingQueue<Object> queue) {
        if (event instanceof ChatEvent.ServerInfo && !welcomed) {
            return; // the welcome burst and MOTD are for people, not for scripts
        }
        if (event instanceof ConnectionState s) {
            if (s.status() == ConnectionState.Status.CONNECTED) {
                welcomed = true;
            }
            if (s.status() == ConnectionState.Status.DISCONNECTED) {
                if (s.cause() != DisconnectCause.USER_QUIT && s.cause() != DisconnectCause.CLOSED) {
                    err.println(ConsoleCli.PROGRAM + ": " + s.reason());
                }
                queue.add(STOPPED);
            }
            return;
        }
        var line = formatter.format(event);
        if (line != null) {
            out.println(line.toString());
            out.flush();
        }
    }

    private void startInputThread(BlockingQueue<Object> queue) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    queue.add(line);
                }
            } catch (IOException e) {
                err.println(ConsoleCli.PROGRAM + ": cannot read standard input: " + e.getMessage());
            }
            queue.add(END_OF_INPUT);
        }, "chat-console-stdin");
        t.setDaemon(true);
        t.start();
    }
}
