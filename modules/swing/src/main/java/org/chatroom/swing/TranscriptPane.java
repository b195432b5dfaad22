package org.chatroom.swing;

import java.awt.Color;
import java.awt.Cursor;
import java.awt.Desktop;
import java.awt.Font;
import java.awt.event.MouseAdapter;
import java.awt.geom.Rectangle2D;
import java.awt.event.MouseEvent;
import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.JEditorPane;
import javax.swing.JScrollBar;
import javax.swing.JScrollPane;
import javax.swing.JTextPane;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import javax.swing.text.BadLocationException;
import javax.swing.text.DefaultCaret;
import javax.swing.text.Element;
import javax.swing.text.SimpleAttributeSet;
import javax.swing.text.StyleConstants;
import javax.swing.text.StyledDocument;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One tab's transcript: a read-only styled document, one paragraph per {@link ChatLine}, at most the
 * model's line cap. Follows new lines only while the user is at the bottom; links open in the browser.
 */
final class TranscriptPane extends JScrollPane {
    static final String LINK = "chat.link";
    private static final Logger LOG = LogManager.getLogger();
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final JTextPane text = new JTextPane() {
        @Override
        public boolean getScrollableTracksViewportWidth() {
            return true; // never wider than the tab: long words wrap instead (see TranscriptEditorKit)
        }
    };
    private final ZoneId zone;
    private Palette palette = Palette.current();
    private int lines;
    private boolean scrollPending;

    TranscriptPane(ZoneId zone) {
        this.zone = zone;
        text.setEditorKit(new TranscriptEditorKit());
        text.setEditable(false);
        text.putClientProperty(JEditorPane.HONOR_DISPLAY_PROPERTIES, Boolean.TRUE);
        text.setBorder(BorderFactory.createEmptyBorder(6, 10, 6, 10));
        ((DefaultCaret) text.getCaret()).setUpdatePolicy(DefaultCaret.NEVER_UPDATE);
        setViewportView(text);
        setBorder(BorderFactory.createEmptyBorder());
        getVerticalScrollBar().setUnitIncrement(16);
        applyFont();
        MouseAdapter links = new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                String url = linkAt(e);
                if (url != null && SwingUtilities.isLeftMouseButton(e)) {
                    open(url);
                }
            }

            @Override
            public void mouseMoved(MouseEvent e) {
                text.setCursor(linkAt(e) != null ? Cursor.getPredefinedCursor(Cursor.HAND_CURSOR) : Cursor.getDefaultCursor());
            }
        };
        text.addMouseListener(links);
        text.addMouseMotionListener(links);
    }

    private void applyFont() {
        Font base = UIManager.getFont("defaultFont");
        if (base == null) {
            base = UIManager.getFont("TextPane.font");
        }
        if (base != null) {
            text.setFont(base.deriveFont(base.getSize2D() + 1f));
        }
    }

    JTextPane textPane() {
        return text;
    }

    /** The document's text, one line per chat line. */
    String plainText() {
        StyledDocument doc = text.getStyledDocument();
        try {
            return doc.getText(0, doc.getLength());
        } catch (BadLocationException e) {
            throw new IllegalStateException(e);
        }
    }

    int lineCount() {
        return lines;
    }

    /** After a theme change: new colours and fonts, everything drawn again. */
    void restyle(List<ChatLine> all) {
        UiThread.checkOnEdt();
        palette = Palette.current();
        applyFont();
        StyledDocument doc = text.getStyledDocument();
        try {
            doc.remove(0, doc.getLength());
        } catch (BadLocationException e) {
            throw new IllegalStateException(e);
        }
        lines = 0;
        for (ChatLine l : all) {
            append(l, 0);
        }
        scrollToBottom();
    }

    /** Appends a line after removing the {@code dropped} oldest ones. */
    void append(ChatLine line, int dropped) {
        UiThread.checkOnEdt();
        boolean follow = scrollPending || atBottom();
        StyledDocument doc = text.getStyledDocument();
        try {
            int removedHeight = follow ? 0 : heightOfFirst(Math.min(dropped, lines));
            for (int i = 0; i < dropped && lines > 0; i++) {
                Element first = doc.getDefaultRootElement().getElement(0);
                doc.remove(0, Math.min(first.getEndOffset(), doc.getLength()));
                lines--;
            }
            if (removedHeight > 0) {
                keepReadingPosition(removedHeight);
            }
            int start = doc.getLength();
            if (lines > 0) {
                doc.insertString(doc.getLength(), "\n", null);
            }
            write(doc, line);
            SimpleAttributeSet para = new SimpleAttributeSet();
            StyleConstants.setSpaceBelow(para, 3f);
            // always set: a new paragraph would otherwise inherit the previous one's marking
            Color background = TranscriptEditorKit.NONE;
            Color accent = TranscriptEditorKit.NONE;
            if (line.kind() == LineKind.OWN_MESSAGE) {
                background = palette.ownBackground();
                accent = palette.own();
            } else if (line.kind() == LineKind.MENTION) {
                background = palette.mention();
                accent = palette.mentionAccent();
            }
            StyleConstants.setBackground(para, background);
            para.addAttribute(TranscriptEditorKit.ACCENT, accent);
            doc.setParagraphAttributes(start + (lines > 0 ? 1 : 0), 1, para, false);
            lines++;
        } catch (BadLocationException e) {
            throw new IllegalStateException(e);
        }
        if (follow) {
            scrollToBottom();
        }
    }

    private void write(StyledDocument doc, ChatLine line) throws BadLocationException {
        doc.insertString(doc.getLength(), HH_MM.format(line.time().atZone(zone)) + "  ", style(palette.muted(), false, false, -1f));
        switch (line.kind()) {
            case MESSAGE, MENTION, OWN_MESSAGE -> {
                boolean own = line.kind() == LineKind.OWN_MESSAGE;
                doc.insertString(doc.getLength(), line.nick(), style(own ? palette.own() : palette.nick(line.nick()), true, false, 0));
                doc.insertString(doc.getLength(), "  ", null);
                body(doc, line.text(), false);
            }
            case ACTION -> {
                doc.insertString(doc.getLength(), "* ", style(null, false, true, 0));
                doc.insertString(doc.getLength(), line.nick(), style(palette.nick(line.nick()), true, true, 0));
                doc.insertString(doc.getLength(), " ", style(null, false, true, 0));
                body(doc, line.text(), true);
            }
            case NOTICE -> {
                doc.insertString(doc.getLength(), "-" + line.nick() + "-  ", style(palette.nick(line.nick()), true, false, 0));
                body(doc, line.text(), false);
            }
            case EVENT -> doc.insertString(doc.getLength(), "— " + line.text(), style(palette.muted(), false, true, -1f));
            case INFO -> doc.insertString(doc.getLength(), line.text(), style(palette.muted(), false, false, -1f));
            case ERROR -> doc.insertString(doc.getLength(), line.text(), style(palette.error(), true, false, 0));
        }
    }

    private void body(StyledDocument doc, String body, boolean italic) throws BadLocationException {
        int at = 0;
        for (LinkFinder.Link link : LinkFinder.find(body)) {
            doc.insertString(doc.getLength(), body.substring(at, link.start()), style(null, false, italic, 0));
            SimpleAttributeSet a = style(palette.link(), false, italic, 0);
            StyleConstants.setUnderline(a, true);
            a.addAttribute(LINK, link.url());
            doc.insertString(doc.getLength(), body.substring(link.start(), link.end()), a);
            at = link.end();
        }
        doc.insertString(doc.getLength(), body.substring(at), style(null, false, italic, 0));
    }

    private SimpleAttributeSet style(java.awt.Color color, boolean bold, boolean italic, float sizeDelta) {
        SimpleAttributeSet a = new SimpleAttributeSet();
        if (color != null) {
            StyleConstants.setForeground(a, color);
        }
        StyleConstants.setBold(a, bold);
        StyleConstants.setItalic(a, italic);
        if (sizeDelta != 0 && text.getFont() != null) {
            StyleConstants.setFontSize(a, Math.round(text.getFont().getSize2D() + sizeDelta));
        }
        return a;
    }

    /** The height in pixels of the first {@code n} lines, or 0 when not laid out yet. */
    private int heightOfFirst(int n) throws BadLocationException {
        Element root = text.getStyledDocument().getDefaultRootElement();
        if (n <= 0 || n >= root.getElementCount()) {
            return 0;
        }
        Rectangle2D top = text.modelToView2D(0);
        Rectangle2D next = text.modelToView2D(root.getElement(n).getStartOffset());
        return top == null || next == null ? 0 : (int) Math.round(next.getY() - top.getY());
    }

    /** Lines left the top while the user reads older ones: scroll up by as much, so the text stays put. */
    private void keepReadingPosition(int removedHeight) {
        JScrollBar bar = getVerticalScrollBar();
        int target = Math.max(0, bar.getValue() - removedHeight);
        getViewport().validate();
        bar.setValue(target);
    }

    /** True when the last line is in view (or nothing scrolls yet). */
    boolean atBottom() {
        JScrollBar bar = getVerticalScrollBar();
        return bar.getValue() + bar.getVisibleAmount() >= bar.getMaximum() - 24;
    }

    void scrollToBottom() {
        scrollPending = true;
        SwingUtilities.invokeLater(() -> {
            scrollPending = false;
            JScrollBar bar = getVerticalScrollBar();
            bar.setValue(bar.getMaximum());
        });
    }

    String linkAt(MouseEvent e) {
        int pos = text.viewToModel2D(e.getPoint());
        if (pos < 0) {
            return null;
        }
        Element el = text.getStyledDocument().getCharacterElement(pos);
        Object url = el.getAttributes().getAttribute(LINK);
        return url instanceof String s ? s : null;
    }

    private static void open(String url) {
        Thread t = new Thread(() -> {
            try {
                if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                    Desktop.getDesktop().browse(new URI(url));
                } else {
                    new ProcessBuilder("xdg-open", url).start();
                }
            } catch (Exception e) {
                LOG.warn("cannot open {}: {}", url, e.getMessage());
            }
        }, "chat-gui-open-link");
        t.setDaemon(true);
        t.start();
    }
}
