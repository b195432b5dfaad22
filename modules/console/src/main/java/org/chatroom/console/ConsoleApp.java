package org.chatroom.console;

import org.chatroom.client.cli.ClientOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.function.BooleanSupplier;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The console client without {@code System.exit}: parses the command line, then runs the terminal
 * session when standard input is a terminal and the pipe session otherwise. Returns the exit code.
 */
public final class ConsoleApp {
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final BooleanSupplier interactive;
    private final ClientFactory factory;

    /**
     * @param interactive whether stdin and stdout are a terminal; if so the system terminal is used
     *                    (a dumb one falls back to pipe mode)
     */
    public ConsoleApp(InputStream in, PrintStream out, PrintStream err, BooleanSupplier interactive) {
        this(in, out, err, interactive, ClientFactory.defaults());
    }

    ConsoleApp(InputStream in, PrintStream out, PrintStream err, BooleanSupplier interactive, ClientFactory factory) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.interactive = interactive;
        this.factory = factory;
    }

    public int run(String[] args) {
        ConsoleCli.Parsed parsed = new ConsoleCli(out, err).parse(args);
        if (parsed.options() == null) {
            return parsed.exitCode();
        }
        ClientOptions options = parsed.options();
        AccountOption account = parsed.account();
        if (!interactive.getAsBoolean()) {
            return new PipeSession(options, account, factory, in, out, err).run();
        }
        Terminal terminal;
        try {
            terminal = TerminalBuilder.builder().system(true).name(ConsoleCli.PROGRAM).dumb(true).build();
        } catch (IOException e) {
            return new PipeSession(options, account, factory, in, out, err).run();
        }
        try (terminal) {
            if (isDumb(terminal)) {
                return new PipeSession(options, account, factory, in, out, err).run();
            }
            return new TerminalSession(options, account, factory, terminal).run();
        } catch (IOException e) {
            return 0; // closing the terminal failed after the session ended: nothing left to do
        }
    }

    static boolean isDumb(Terminal terminal) {
        return Terminal.TYPE_DUMB.equals(terminal.getType()) || Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
    }
}
