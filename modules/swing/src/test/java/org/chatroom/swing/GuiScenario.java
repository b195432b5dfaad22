package org.chatroom.swing;

import org.chatroom.server.support.IrcTestClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.Graphics2D;
import java.awt.event.KeyEvent;
import java.awt.event.WindowEvent;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.Preferences;
import javax.imageio.ImageIO;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import org.chatroom.client.ReconnectPolicy;
import org.chatroom.server.ChatServer;
import org.chatroom.server.config.ServerConfig;

/**
 * The end-to-end GUI scenario, run by {@link DesktopClientGuiTest} in a JVM of its own whose DISPLAY
 * is a virtual X server: the real daemon in-process, the real window started the way
 * {@code chat-gui.sh --host --port --nick} starts it, raw IRC clients on the other side.
 * Prints {@value #OK} and exits 0 when every check passed; any failure ends with a stack trace and exit 1.
 */
final class GuiScenario {
    static final String OK = "GUI-SCENARIO OK";
    private static final Duration WAIT = Duration.ofSeconds(15);
    /** What to print when the scenario fails. */
    private static final java.util.List<Callable<String>> DIAGNOSTICS = new java.util.concurrent.CopyOnWriteArrayList<>();

    private GuiScenario() {
    }

    public static void main(String[] args) throws Exception {
        Path shots = Path.of(args.length > 0 ? args[0] : "target/gui");
        Files.createDirectories(shots);
        int code = 1;
        try {
            run(shots);
            System.out.println(OK);
            code = 0;
        } catch (Throwable t) {
            t.printStackTrace(System.out);
            for (Callable<String> d : DIAGNOSTICS) {
                try {
                    System.out.println(d.call());
                } catch (Exception e) {
                    System.out.println("(diagnostics failed: " + e + ")");
                }
            }
        }
        System.out.flush();
        Runtime.getRuntime().halt(code); // no shutdown hooks: prefs and AWT must not hang the exit
    }

    private static void run(Path shots) throws Exception {
        ChatServer server = new ChatServer(ServerConfig.defaults(Map.of("port", "0", "http.port", "0", "bind", "127.0.0.1",
                "admin.enabled", "false", "motd.file", "target/none",
                "data.dir", java.nio.file.Files.createTempDirectory("gui-scenario-data").toString())));
        server.start();
        Preferences node = Preferences.userRoot().node("org/chatroom/swing-gui-test-" + ProcessHandle.current().pid());
        try (IrcTestClient bob = IrcTestClient.registered(server.port(), "bob").answeringPings()) {
            tlsCheckboxPicksThePort();
            loginDialogFitsItsFormAndEscapeCancels();
            loginDialog(server.port(), node, bob, shots);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            GuiApp app = new GuiApp(new PrintStream(out, true, StandardCharsets.UTF_8), System.err, new GuiPreferences(node),
                    SystemDarkMode.fixed(false), new ReconnectPolicy(Duration.ofMillis(200), Duration.ofSeconds(1), 0));
            CompletableFuture<Integer> exit = app.launch(new String[] {
                "--host", "127.0.0.1", "--port", String.valueOf(server.port()), "--nick", "gina"});

            await().atMost(WAIT).until(() -> app.window() != null);
            ChatWindow w = app.window();
            DIAGNOSTICS.add(() -> "bob received:\n  " + String.join("\n  ", bob.lines()));
            DIAGNOSTICS.add(() -> "window status: " + edt(w::statusText) + "\n#lobby transcript:\n"
                    + edt(() -> w.transcript("#lobby").plainText()) + "\nServer tab:\n" + edt(() -> w.transcript("Server").plainText()));
            await().atMost(WAIT).until(() -> edt(w::statusText).startsWith("connected as gina to 127.0.0.1:"));
            await().atMost(WAIT).until(() -> edt(() -> w.userList().entries()).containsAll(java.util.List.of("bob", "gina")));
            assertThat(edt(() -> w.userList().headerText())).isEqualTo("2 members");
            assertThat(edt(() -> w.tabs().getTitleAt(w.tabs().getSelectedIndex()))).isEqualTo("#lobby");

            // the other side talks: the line appears in the pane's document
            bob.send("PRIVMSG #lobby :morning! the new build is up: https://chatroom.example/download");
            awaitTranscript(w, "bob  morning! the new build is up: https://chatroom.example/download");

            // typing and Enter, through the components; the raw client receives it
            await().atMost(WAIT).until(() -> edt(() -> w.getTitle()).equals("Chatroom — gina @ 127.0.0.1:" + server.port()));
            type(w, "hello from the desktop, ça marche");
            bob.awaitContains(":gina!");
            bob.awaitContains("PRIVMSG #lobby :hello from the desktop, ça marche");
            assertThat(edt(() -> w.inputRow().field().getText())).isEmpty();
            awaitTranscript(w, "gina  hello from the desktop");

            // a third person joins: the user list updates
            try (IrcTestClient carol = IrcTestClient.registered(server.port(), "carol").answeringPings()) {
                await().atMost(WAIT).until(() -> edt(() -> w.userList().headerText()).equals("3 members"));
                assertThat(edt(() -> w.userList().entries())).containsExactly("bob", "carol", "gina");
                carol.send("PRIVMSG #lobby :\u0001ACTION waves at everyone\u0001");
                type(w, "/me waves back");
                bob.awaitContains("PRIVMSG #lobby :\u0001ACTION waves back\u0001");
                carol.send("PRIVMSG #lobby :looks great, and the dark theme too");
                bob.send("PRIVMSG #lobby :gina: can you try a reconnect later?");
                awaitTranscript(w, "gina: can you try a reconnect later?");
                type(w, "sure, after lunch. The banner has a Reconnect button now");
                carol.send("PRIVMSG #lobby :nice, and every nick keeps its colour across tabs");
                awaitTranscript(w, "every nick keeps its colour");
                awaitTranscript(w, "* carol waves at everyone");
                carol.send("PRIVMSG gina :psst, lunch at noon?");
                await().atMost(WAIT).until(() -> edt(() -> w.tabs().getTabCount()) == 3);
                assertThat(edt(() -> w.tabs().getTitleAt(2))).contains("carol").contains("(1)");

                // Up recalls what was sent
                key(w, KeyEvent.VK_UP);
                assertThat(edt(() -> w.inputRow().field().getText())).isEqualTo("sure, after lunch. The banner has a Reconnect button now");
                key(w, KeyEvent.VK_UP);
                assertThat(edt(() -> w.inputRow().field().getText())).isEqualTo("/me waves back");
                key(w, KeyEvent.VK_DOWN);
                key(w, KeyEvent.VK_DOWN);
                assertThat(edt(() -> w.inputRow().field().getText())).isEmpty();

                screenshot(w, shots.resolve("gui-conversation.png"));
                SwingUtilities.invokeAndWait(() -> {
                    Theme.DARK.apply(SystemDarkMode.fixed(true));
                    w.restyle();
                });
                screenshot(w, shots.resolve("gui-dark.png"));
                SwingUtilities.invokeAndWait(() -> {
                    Theme.LIGHT.apply(SystemDarkMode.fixed(false));
                    w.restyle();
                });
                carol.send("QUIT :lunch");
                await().atMost(WAIT).until(() -> edt(() -> w.userList().headerText()).equals("2 members"));
            }

            // a kick shows the banner with the reason
            server.registry().byNick("gina").kick("chat.localhost", "flooding the lobby");
            await().atMost(WAIT).until(() -> edt(() -> w.banner().messageText()) != null);
            assertThat(edt(() -> w.banner().messageText())).contains("kicked").contains("flooding the lobby");
            assertThat(edt(w::statusText)).startsWith("disconnected (");
            screenshot(w, shots.resolve("gui-kicked.png"));

            // Reconnect brings us back into the room
            SwingUtilities.invokeAndWait(() -> w.banner().reconnectButton().doClick());
            await().atMost(WAIT).until(() -> edt(w::statusText).startsWith("connected as gina"));
            assertThat(edt(() -> w.banner().messageText())).isNull();
            await().atMost(WAIT).until(() -> edt(() -> w.userList().entries()).contains("gina"));

            // closing the window sends QUIT
            SwingUtilities.invokeAndWait(() -> w.dispatchEvent(new WindowEvent(w, WindowEvent.WINDOW_CLOSING)));
            bob.awaitLine(l -> l.startsWith(":gina!") && l.contains(" QUIT "));
            assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
        } finally {
            node.removeNode();
            server.close();
        }
    }

    /**
     * Without --nick the login dialog comes up: a refused port is explained in the dialog, which stays
     * open; fixing the port and pressing Enter connects and opens the window; closing it sends QUIT.
     */
    private static void loginDialog(int port, Preferences node, IrcTestClient bob, Path shotsDir) throws Exception {
        GuiPreferences prefs = new GuiPreferences(node);
        prefs.saveLogin(new GuiOptions("127.0.0.1", 1, "lena", false, 500));
        GuiApp app = new GuiApp(System.out, System.err, prefs, SystemDarkMode.fixed(false),
                new ReconnectPolicy(Duration.ofMillis(200), Duration.ofSeconds(1), 0));
        CompletableFuture<Integer> exit = app.launch(new String[0]);
        await().atMost(WAIT).until(() -> app.login() != null && edt(() -> app.login().isShowing()));
        LoginDialog d = app.login();
        assertThat(edt(() -> d.nickField().getText())).isEqualTo("lena");
        assertThat(edt(() -> d.portField().getText())).isEqualTo("1");
        enter(d.portField());
        await().atMost(WAIT).until(() -> edt(d::errorText).contains("refused"));
        assertThat(edt(d::errorText)).contains("Nothing answered at 127.0.0.1:1");
        assertThat(edt(d::isShowing)).isTrue();
        assertThat(edt(d::busy)).isFalse();
        paint(d.getRootPane(), shotsDir.resolve("gui-login.png"));

        SwingUtilities.invokeAndWait(() -> d.portField().setText(String.valueOf(port)));
        enter(d.portField());
        await().atMost(WAIT).until(() -> app.window() != null && edt(() -> app.window().isShowing()));
        assertThat(edt(d::isDisplayable)).isFalse();
        bob.awaitContains(":lena!");
        assertThat(prefs.lastLogin().port()).isEqualTo(port);
        ChatWindow w = app.window();
        SwingUtilities.invokeAndWait(() -> w.dispatchEvent(new WindowEvent(w, WindowEvent.WINDOW_CLOSING)));
        bob.awaitLine(l -> l.startsWith(":lena!") && l.contains(" QUIT "));
        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
    }

    /** Ticking TLS moves an untouched 6667 to 6697 and back; a port the user typed stays. */
    private static void tlsCheckboxPicksThePort() throws Exception {
        LoginDialog[] box = new LoginDialog[1];
        SwingUtilities.invokeAndWait(() -> box[0] = new LoginDialog(new GuiOptions("127.0.0.1", 6667, null, false, 500),
                "lena", o -> new CompletableFuture<>(), () -> { }));
        LoginDialog d = box[0];
        try {
            SwingUtilities.invokeAndWait(() -> d.tlsBox().doClick());
            assertThat(edt(() -> d.portField().getText())).isEqualTo("6697");
            SwingUtilities.invokeAndWait(() -> d.tlsBox().doClick());
            assertThat(edt(() -> d.portField().getText())).isEqualTo("6667");
            SwingUtilities.invokeAndWait(() -> {
                d.portField().setText("7000");
                d.tlsBox().doClick();
            });
            assertThat(edt(() -> d.portField().getText())).isEqualTo("7000");
            assertThat(edt(() -> d.tlsBox().isSelected())).isTrue();
        } finally {
            SwingUtilities.invokeAndWait(d::dispose);
        }
    }

    /** No empty band between the form and the buttons until there is something to say; Escape cancels. */
    private static void loginDialogFitsItsFormAndEscapeCancels() throws Exception {
        LoginDialog[] box = new LoginDialog[1];
        java.util.concurrent.atomic.AtomicBoolean cancelled = new java.util.concurrent.atomic.AtomicBoolean();
        SwingUtilities.invokeAndWait(() -> {
            box[0] = new LoginDialog(new GuiOptions("127.0.0.1", 6667, null, false, 500), "lena",
                    o -> new CompletableFuture<>(), () -> cancelled.set(true));
            box[0].setVisible(true);
        });
        LoginDialog d = box[0];
        await().atMost(WAIT).until(() -> edt(d::isShowing));
        int gap = edt(() -> {
            java.awt.Point tlsBottom = SwingUtilities.convertPoint(d.tlsBox(), 0, d.tlsBox().getHeight(), d.getRootPane());
            java.awt.Point buttonsTop = SwingUtilities.convertPoint(d.cancelButton(), 0, 0, d.getRootPane());
            return buttonsTop.y - tlsBottom.y;
        });
        assertThat(gap).as("space between the TLS box and the buttons, in pixels").isLessThan(36);
        SwingUtilities.invokeAndWait(() -> {
            JTextField field = d.nickField();
            long now = System.currentTimeMillis();
            field.dispatchEvent(new KeyEvent(field, KeyEvent.KEY_PRESSED, now, 0, KeyEvent.VK_ESCAPE, KeyEvent.CHAR_UNDEFINED));
        });
        assertThat(cancelled).as("Escape cancels the login").isTrue();
        assertThat(edt(d::isDisplayable)).isFalse();
    }

    static void enter(JTextField field) throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            long now = System.currentTimeMillis();
            field.dispatchEvent(new KeyEvent(field, KeyEvent.KEY_PRESSED, now, 0, KeyEvent.VK_ENTER, '\n'));
            field.dispatchEvent(new KeyEvent(field, KeyEvent.KEY_RELEASED, now, 0, KeyEvent.VK_ENTER, '\n'));
        });
    }

    /** Types {@code text} into the input field key by key and presses Enter, as the user would. */
    private static void type(ChatWindow w, String text) throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            JTextField field = w.inputRow().field();
            text.codePoints().forEach(cp -> {
                for (char c : Character.toChars(cp)) {
                    field.dispatchEvent(new KeyEvent(field, KeyEvent.KEY_TYPED, System.currentTimeMillis(), 0,
                            KeyEvent.VK_UNDEFINED, c));
                }
            });
        });
        assertThat(edt(() -> w.inputRow().field().getText())).isEqualTo(text);
        key(w, KeyEvent.VK_ENTER);
    }

    private static void key(ChatWindow w, int code) throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            JTextField field = w.inputRow().field();
            long now = System.currentTimeMillis();
            char ch = code == KeyEvent.VK_ENTER ? '\n' : KeyEvent.CHAR_UNDEFINED;
            field.dispatchEvent(new KeyEvent(field, KeyEvent.KEY_PRESSED, now, 0, code, ch));
            field.dispatchEvent(new KeyEvent(field, KeyEvent.KEY_RELEASED, now, 0, code, ch));
        });
    }

    private static void awaitTranscript(ChatWindow w, String text) {
        await().atMost(WAIT).until(() -> edt(() -> w.transcript("#lobby").plainText()).contains(text));
    }

    static <T> T edt(Callable<T> c) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                result.set(c.call());
            } catch (Exception e) {
                failure.set(e);
            }
        });
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }

    /** Paints the window (menu bar and content; the title bar belongs to the window manager) into a PNG. */
    private static void screenshot(ChatWindow w, Path file) throws Exception {
        await().atMost(WAIT).until(() -> edt(() -> w.transcript("#lobby").atBottom())); // scrolling settled
        paint(w.getRootPane(), file);
    }

    static void paint(java.awt.Container root, Path file) throws Exception {
        BufferedImage image = edt(() -> {
            BufferedImage img = new BufferedImage(root.getWidth(), root.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            root.paint(g);
            g.dispose();
            return img;
        });
        try {
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file, e);
        }
    }
}
