package org.chatroom.swing;

import java.awt.BorderLayout;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.KeyStroke;

/** The input field and Send button: Enter sends and keeps the focus, Up/Down recall what was sent. */
final class InputRow extends JPanel {
    private final ChatPresenter presenter;
    private final JTextField field = new JTextField();
    private final JButton send = new JButton("Send");

    InputRow(ChatPresenter presenter) {
        super(new BorderLayout(8, 0));
        this.presenter = presenter;
        setBorder(BorderFactory.createEmptyBorder(8, 10, 6, 10));
        field.setName("input");
        field.putClientProperty("JTextField.showClearButton", Boolean.FALSE);
        field.putClientProperty("JComponent.roundRect", Boolean.TRUE);
        field.setFont(field.getFont().deriveFont(field.getFont().getSize2D() + 1f));
        send.setName("send");
        send.putClientProperty("JButton.buttonType", "roundRect");
        field.addActionListener(e -> submit());
        send.addActionListener(e -> submit());
        bind("history-previous", KeyEvent.VK_UP, () -> recall(presenter.history().previous(field.getText())));
        bind("history-next", KeyEvent.VK_DOWN, () -> recall(presenter.history().next()));
        add(field, BorderLayout.CENTER);
        add(send, BorderLayout.EAST);
    }

    private void bind(String name, int key, Runnable action) {
        field.getInputMap(JComponent.WHEN_FOCUSED).put(KeyStroke.getKeyStroke(key, 0), name);
        field.getActionMap().put(name, new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                action.run();
            }
        });
    }

    private void recall(String text) {
        if (text != null) {
            field.setText(text);
            field.setCaretPosition(text.length());
        }
    }

    private void submit() {
        UiThread.checkOnEdt();
        String text = field.getText();
        field.setText("");
        presenter.submit(text);
        field.requestFocusInWindow();
    }

    /** Shows where a line will go, as the field's placeholder. */
    void target(Conversation c) {
        String where = c == null || c.type() == Conversation.Type.SERVER ? "Type /join ROOM or /help"
                : "Message " + c.name();
        field.putClientProperty("JTextField.placeholderText", where);
        field.repaint();
    }

    void focus() {
        field.requestFocusInWindow();
    }

    JTextField field() {
        return field;
    }

    JButton sendButton() {
        return send;
    }
}
