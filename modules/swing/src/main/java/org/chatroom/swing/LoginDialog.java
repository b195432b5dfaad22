package org.chatroom.swing;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JProgressBar;
import javax.swing.JTextField;
import javax.swing.SwingConstants;
import org.chatroom.client.Credentials;
import org.chatroom.protocol.NameRules;

/**
 * Asks for nick, server, port, TLS and, optionally, the password of the account named as the nick
 * ("Create this account" makes it first). Enter connects; while connecting the fields are locked and the
 * window stays responsive; a failure is shown in plain words and the dialog stays open to fix it.
 */
final class LoginDialog extends JDialog {
    private final JTextField nick = new JTextField(18);
    private final JTextField host = new JTextField(18);
    private final JTextField port = new JTextField(6);
    private final JCheckBox tls = new JCheckBox("Use a secure connection (TLS)");
    private final JLabel error = new JLabel(" ");
    private final JProgressBar progress = new JProgressBar();
    private final JButton connect = new JButton("Connect");
    private final JButton cancel = new JButton("Cancel");
    private final GuiOptions base;
    private final Function<GuiOptions, CompletableFuture<?>> attempt;
    private final Runnable onCancel;
    private static final int ERROR_WIDTH = 340;
    private final JPasswordField password = new JPasswordField(18);
    private final JCheckBox createAccount = new JCheckBox("Create this account");
    private boolean busy;

    /**
     * @param defaults what to fill in (the last login, or the command line)
     * @param attempt  connects with the options; completes when connected, or fails with a message to show
     * @param onCancel the user gave up
     */
    LoginDialog(GuiOptions defaults, String suggestedNick, Function<GuiOptions, CompletableFuture<?>> attempt, Runnable onCancel) {
        super((java.awt.Frame) null, "Connect to Chatroom", true);
        UiThread.checkOnEdt();
        this.base = defaults;
        this.attempt = attempt;
        this.onCancel = onCancel;
        setModalityType(ModalityType.MODELESS);
        nick.setName("nick");
        host.setName("host");
        port.setName("port");
        tls.setName("tls");
        error.setName("error");
        nick.setText(defaults.nick() != null ? defaults.nick() : suggestedNick);
        host.setText(defaults.host());
        port.setText(String.valueOf(defaults.port()));
        tls.setSelected(defaults.tls());
        new PortFollower(port, tls);
        password.setName("password");
        createAccount.setName("createAccount");
        createAccount.setToolTipText("Make an account named as your nick, with this password, and log in to it");
        error.setForeground(new Color(0xCF222E));
        progress.setIndeterminate(true);
        progress.setVisible(false);
        connect.addActionListener(e -> connect());
        cancel.addActionListener(e -> cancel());
        setDefaultCloseOperation(DO_NOTHING_ON_CLOSE);
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                cancel();
            }
        });
        setContentPane(content());
        getRootPane().setDefaultButton(connect);
        getRootPane().getInputMap(JComponent.WHEN_ANCESTOR_OF_FOCUSED_COMPONENT)
                .put(javax.swing.KeyStroke.getKeyStroke(java.awt.event.KeyEvent.VK_ESCAPE, 0), "cancel");
        getRootPane().getActionMap().put("cancel", new javax.swing.AbstractAction() {
            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                cancel();
            }
        });
        pack();
        setResizable(false);
        setLocationRelativeTo(null);
    }

    private JPanel content() {
        JPanel form = new JPanel(new GridBagLayout());
        form.setBorder(BorderFactory.createEmptyBorder(18, 22, 8, 22));
        JLabel title = new JLabel("Join the conversation");
        title.putClientProperty("FlatLaf.styleClass", "h2");
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = 0;
        c.gridy = 0;
        c.gridwidth = 2;
        c.anchor = GridBagConstraints.WEST;
        c.insets = new Insets(0, 0, 14, 0);
        form.add(title, c);
        row(form, 1, "Nick", nick);
        row(form, 2, "Password", password);
        c = new GridBagConstraints();
        c.gridx = 1;
        c.gridy = 3;
        c.anchor = GridBagConstraints.WEST;
        form.add(new JLabel("<html><small>Optional: logs in to the account named as your nick.</small></html>"), c);
        c.gridy = 4;
        c.insets = new Insets(0, 0, 6, 0);
        form.add(createAccount, c);
        row(form, 5, "Server", host);
        row(form, 6, "Port", port);
        c.gridy = 7;
        c.insets = new Insets(4, 0, 4, 0);
        form.add(tls, c);
        c.gridx = 0;
        c.gridy = 8;
        c.gridwidth = 2;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.insets = new Insets(8, 0, 0, 0);
        form.add(progress, c);
        c.gridy = 9;
        form.add(error, c);
        error.setVerticalAlignment(SwingConstants.TOP);
        error.setVisible(false); // takes room only when it has something to say (see say())

        JPanel buttons = new JPanel(new java.awt.FlowLayout(java.awt.FlowLayout.RIGHT, 8, 0));
        buttons.setBorder(BorderFactory.createEmptyBorder(4, 22, 16, 22));
        buttons.add(cancel);
        buttons.add(connect);
        JPanel root = new JPanel(new BorderLayout());
        root.add(form, BorderLayout.CENTER);
        root.add(buttons, BorderLayout.SOUTH);
        return root;
    }

    private static void row(JPanel form, int y, String label, JComponent field) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = 0;
        c.gridy = y;
        c.anchor = GridBagConstraints.WEST;
        c.insets = new Insets(4, 0, 4, 12);
        form.add(new JLabel(label), c);
        c.gridx = 1;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.weightx = 1;
        c.insets = new Insets(4, 0, 4, 0);
        form.add(field, c);
    }

    /** Checks the fields; returns the options, or null after showing what is wrong. */
    GuiOptions validated() {
        String n = nick.getText().strip();
        String problem = NameRules.nickProblem(n, CommandHandler.MAX_NICK_LENGTH);
        if (problem != null) {
            return invalid(nick, "Nick: " + problem + ".");
        }
        String h = host.getText().strip();
        if (h.isEmpty() || h.indexOf(' ') >= 0) {
            return invalid(host, "Enter the server's host name or address, for example chat.example.org.");
        }
        int p;
        try {
            p = Integer.parseInt(port.getText().strip());
        } catch (NumberFormatException e) {
            p = -1;
        }
        if (p < 1 || p > 65535) {
            return invalid(port, "The port is a number from 1 to 65535 (usually 6667, or 6697 with TLS).");
        }
        char[] pw = password.getPassword();
        if (pw.length == 0 && createAccount.isSelected()) {
            return invalid(password, "Choose a password for the new account (at least 8 characters).");
        }
        Credentials credentials = pw.length == 0 ? null : new Credentials(n, new String(pw), createAccount.isSelected());
        java.util.Arrays.fill(pw, '\0');
        return base.with(h, p, n, tls.isSelected()).withCredentials(credentials);
    }

    private GuiOptions invalid(JComponent field, String message) {
        showError(message);
        field.putClientProperty("JComponent.outline", "error");
        field.requestFocusInWindow();
        return null;
    }

    private void connect() {
        UiThread.checkOnEdt();
        if (busy) {
            return;
        }
        for (JComponent f : new JComponent[] {nick, host, port, password}) {
            f.putClientProperty("JComponent.outline", null);
        }
        GuiOptions o = validated();
        if (o == null) {
            return;
        }
        setBusy(true);
        say("Connecting to " + o.host() + ":" + o.port() + "…", javax.swing.UIManager.getColor("Label.disabledForeground"));
        attempt.apply(o).whenComplete((ok, e) -> UiThread.EDT.post(() -> {
            setBusy(false);
            if (e == null) {
                dispose();
            } else {
                Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                showError(cause.getMessage());
                nick.requestFocusInWindow();
            }
        }));
    }

    private void showError(String message) {
        say(message == null ? "Could not connect." : message, new Color(0xCF222E));
    }

    /** Shows {@code text} under the form, wrapped to the form's width, and grows the dialog to fit it. */
    private void say(String text, Color color) {
        error.setForeground(color);
        error.setText("<html><div style='width:" + ERROR_WIDTH + "px'>" + ChatWindow.escape(text) + "</div></html>");
        error.setVisible(true);
        pack();
    }

    private void setBusy(boolean value) {
        busy = value;
        progress.setVisible(value);
        for (JComponent f : new JComponent[] {nick, host, port, tls, password, createAccount, connect}) {
            f.setEnabled(!value);
        }
    }

    private void cancel() {
        dispose();
        onCancel.run();
    }

    String errorText() {
        return error.getText();
    }

    JTextField nickField() {
        return nick;
    }

    JTextField portField() {
        return port;
    }

    JButton cancelButton() {
        return cancel;
    }

    JPasswordField passwordField() {
        return password;
    }

    JCheckBox createAccountBox() {
        return createAccount;
    }

    JCheckBox tlsBox() {
        return tls;
    }

    boolean busy() {
        return busy;
    }
}
