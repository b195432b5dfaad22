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

    private final JTextPane text = new JTextPane() {
        @Override
        public boolean getScrollableTracksViewportWidth() {
            return true; // never wider than the tab: long words wrap instead (see TranscriptEditorKit)
        }
    };
    private final LineRenderer renderer;
    private int lines;
    private boolean scrollPending;

    TranscriptPane(ZoneId zone) {
        this.renderer = new LineRenderer(zone, text::getFont);
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
        renderer.palette(Palette.current());
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
            renderer.write(doc, doc.getLength(), line);
            doc.setParagraphAttributes(start + (lines > 0 ? 1 : 0), 1, renderer.paragraph(line), false);
            lines++;
        } catch (BadLocationException e) {
            throw new IllegalStateException(e);
        }
        if (follow) {
            scrollToBottom();
        }
    }

    /**
     * Puts an older page above the first line. The user is reading at the top: the view keeps showing
     * what it showed, so the page appears above it to scroll up into.
     */
    void prepend(List<ChatLine> page) {
        UiThread.checkOnEdt();
        if (page.isEmpty()) {
            return;
        }
        StyledDocument doc = text.getStyledDocument();
        JScrollBar bar = getVerticalScrollBar();
        int before = text.getPreferredSize().height;
        boolean hadLines = lines > 0;
        try {
            int at = 0;
            for (int i = 0; i < page.size(); i++) {
                ChatLine line = page.get(i);
                int start = at;
                at = renderer.write(doc, at, line);
                if (i < page.size() - 1 || hadLines) {
                    doc.insertString(at, "\n", null);
                    at++;
                }
                doc.setParagraphAttributes(start, 1, renderer.paragraph(line), false);
                lines++;
            }
        } catch (BadLocationException e) {
            throw new IllegalStateException(e);
        }
        getViewport().validate();
        int grown = text.getPreferredSize().height - before;
        bar.setValue(bar.getValue() + Math.max(0, grown));
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

    /**
     * Calls {@code action} when the user scrolls up to the very top, or turns the wheel up while there
     * (a short transcript that does not scroll at all): time to load older lines.
     */
    void onTopReached(Runnable action) {
        int[] last = {0};
        getVerticalScrollBar().addAdjustmentListener(e -> {
            int was = last[0];
            last[0] = e.getValue();
            if (e.getValue() == 0 && was > 0 && !scrollPending && lines > 0) { // moved up to the top, not laid out there
                action.run();
            }
        });
        addMouseWheelListener(e -> {
            if (e.getWheelRotation() < 0 && getVerticalScrollBar().getValue() == 0 && lines > 0) {
                action.run();
            }
        });
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
