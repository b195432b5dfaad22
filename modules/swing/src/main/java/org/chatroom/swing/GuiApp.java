package org.chatroom.swing;

import java.awt.GraphicsEnvironment;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javax.swing.SwingUtilities;
import org.chatroom.client.ReconnectPolicy;

/**
 * The desktop client without {@code System.exit}: parses the command line, shows the login dialog (or
 * connects straight away with {@code --nick}), opens the window, and completes the returned future with
 * the exit code once the window is gone.
 */
final class GuiApp {
    private static final Executor EDT = SwingUtilities::invokeLater;

    private final PrintStream out;
    private final PrintStream err;
    private final GuiPreferences prefs;
    private final SystemDarkMode system;
    private final ReconnectPolicy policy;
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private volatile ChatWindow window;
    private volatile ChatPresenter presenter;
    private volatile LoginDialog login;

    GuiApp(PrintStream out, PrintStream err, GuiPreferences prefs, SystemDarkMode system, ReconnectPolicy policy) {
        this.out = out;
        this.err = err;
        this.prefs = prefs;
        this.system = system;
        this.policy = policy;
    }

    /** Starts the client; the future completes with the exit code (0 after the user quit, 2 for usage). */
    CompletableFuture<Integer> launch(String[] args) {
        GuiCli.Parsed parsed = new GuiCli(out, err).parse(args, prefs.lastLogin());
        if (parsed.options() == null) {
            return CompletableFuture.completedFuture(parsed.exitCode());
        }
        if (GraphicsEnvironment.isHeadless()) {
            err.println(GuiCli.PROGRAM + ": no display to open a window on (is DISPLAY set?); "
                    + "in a terminal, use chat-console.sh");
            return CompletableFuture.completedFuture(1);
        }
        GuiOptions options = parsed.options();
        system.isDark(); // may run a short command: here, not on the EDT
        SwingUtilities.invokeLater(() -> {
            prefs.theme().apply(system);
            if (options.skipLogin()) {
                prefs.saveLogin(options);
                ChatPresenter presenter = presenter(options);
                openWindow(presenter);
                presenter.connect(options.nick(), false);
            } else {
                login = new LoginDialog(options, prefs.lastNick(), this::attempt, () -> exit.complete(0));
                login.setVisible(true);
            }
        });
        return exit;
    }

    /** The login dialog, when it was shown (for tests). */
    LoginDialog login() {
        return login;
    }

    /** The open window, once there is one (for tests). */
    ChatWindow window() {
        return window;
    }

    private ChatPresenter presenter(GuiOptions options) {
        ChatModel model = new ChatModel(UiThread.EDT, options.maxLines());
        return new ChatPresenter(model, UiThread.EDT, new ClientGateways(options, policy, prefs.certificatePins()),
                Instant::now, new CertificateDialog(() -> window != null ? window : login));
    }

    /** One try from the login dialog: resolve the host off the EDT, then connect and open the window. */
    private CompletableFuture<?> attempt(GuiOptions options) {
        return CompletableFuture.runAsync(() -> resolve(options.host()))
                .thenComposeAsync(v -> {
                    ChatPresenter presenter = presenter(options);
                    return presenter.connect(options.nick(), true).thenApplyAsync(nick -> {
                        if (exit.isDone()) { // the user cancelled the dialog meanwhile
                            presenter.quit("");
                            return nick;
                        }
                        prefs.saveLogin(options.with(options.host(), options.port(), options.nick(), options.tls()));
                        openWindow(presenter);
                        return nick;
                    }, EDT);
                }, EDT);
    }

    private static void resolve(String host) {
        try {
            InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new CompletionException(new ChatPresenter.ConnectFailure(ConnectProblems.unknownHost(host)));
        }
    }

    /**
     * The JVM is going down (SIGTERM: logout, {@code kill}): leave as closing the window does, with a
     * QUIT, waiting at most {@code bound} for the server to close. Runs on the shutdown hook's thread.
     */
    void leaveOnShutdown(java.time.Duration bound) {
        ChatPresenter p = presenter;
        if (p == null || exit.isDone()) {
            return;
        }
        SwingUtilities.invokeLater(() -> p.quit(""));
        try {
            p.finished().get(bound.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // going down anyway: the server notices the closed socket
        }
    }

    private void openWindow(ChatPresenter presenter) {
        this.presenter = presenter;
        ChatWindow w = new ChatWindow(presenter, prefs, system);
        window = w;
        w.addWindowListener(new java.awt.event.WindowAdapter() {
            @Override
            public void windowClosed(java.awt.event.WindowEvent e) {
                exit.complete(0);
            }
        });
        w.setVisible(true);
    }
}
