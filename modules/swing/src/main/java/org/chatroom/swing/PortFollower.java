package org.chatroom.swing;

import javax.swing.JCheckBox;
import javax.swing.JTextField;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;

/**
 * With TLS the usual port is 6697, without it 6667: the port field follows the TLS checkbox unless the
 * user typed a port (a port remembered from the last login that is neither stays too).
 */
final class PortFollower implements DocumentListener {
    private final JTextField port;
    private final JCheckBox tls;
    private boolean portTyped;
    private boolean settingPort;

    PortFollower(JTextField port, JCheckBox tls) {
        this.port = port;
        this.tls = tls;
        port.getDocument().addDocumentListener(this);
        tls.addActionListener(e -> tlsToggled());
    }

    @Override
    public void insertUpdate(DocumentEvent e) {
        portTyped |= !settingPort;
    }

    @Override
    public void removeUpdate(DocumentEvent e) {
        portTyped |= !settingPort;
    }

    @Override
    public void changedUpdate(DocumentEvent e) {
        // attributes only
    }

    private void tlsToggled() {
        String from = String.valueOf(tls.isSelected() ? GuiOptions.DEFAULT_PORT : GuiOptions.DEFAULT_TLS_PORT);
        String text = port.getText().strip();
        if (!portTyped && (text.isEmpty() || text.equals(from))) {
            settingPort = true;
            try {
                port.setText(String.valueOf(tls.isSelected() ? GuiOptions.DEFAULT_TLS_PORT : GuiOptions.DEFAULT_PORT));
            } finally {
                settingPort = false;
            }
        }
    }
}
