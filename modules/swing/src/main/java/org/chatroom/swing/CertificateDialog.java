package org.chatroom.swing;

import java.awt.Component;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.Supplier;
import javax.swing.JOptionPane;
import org.chatroom.client.ServerCertificate;

/** Shows a refused certificate in a modal dialog and asks "Trust this certificate?". */
final class CertificateDialog implements CertificatePrompt {
    private final Supplier<Component> parent;

    /** @param parent the window to centre on (may supply null) */
    CertificateDialog(Supplier<Component> parent) {
        this.parent = parent;
    }

    @Override
    public boolean trust(String server, ServerCertificate cert) {
        UiThread.checkOnEdt();
        int answer = JOptionPane.showConfirmDialog(parent.get(), "<html>" + message(server, cert) + "</html>",
                "Untrusted certificate", JOptionPane.YES_NO_OPTION, JOptionPane.WARNING_MESSAGE);
        return answer == JOptionPane.YES_OPTION;
    }

    /** The dialog's text, as HTML. */
    static String message(String server, ServerCertificate cert) {
        String expiry = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .format(cert.notAfter().atZone(ZoneId.systemDefault()));
        String fp = cert.sha256();
        int half = Math.min(fp.length(), 48); // 95 characters: break after the 16th byte
        return "<b>" + ChatWindow.escape(server) + " presented a certificate this computer does not trust.</b><br><br>"
                + "Subject: " + ChatWindow.escape(cert.subject()) + "<br>"
                + (cert.selfSigned() ? "Self-signed: yes (no authority vouches for it)"
                        : "Issued by: " + ChatWindow.escape(cert.issuer())) + "<br>"
                + (cert.names().isEmpty() ? "" : "Valid for: " + ChatWindow.escape(String.join(", ", cert.names())) + "<br>")
                + "Expires: " + expiry + "<br>"
                + "SHA-256 fingerprint:<br><tt>" + ChatWindow.escape(fp.substring(0, half)) + "<br>"
                + ChatWindow.escape(fp.substring(half)) + "</tt><br><br>"
                + "Compare the fingerprint with the one the server's operator gave you.<br>"
                + "Trust this certificate? It will be remembered for " + ChatWindow.escape(server) + ".";
    }
}
