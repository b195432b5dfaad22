package org.chatroom.swing;

import java.awt.Color;
import java.awt.Font;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;
import javax.swing.text.BadLocationException;
import javax.swing.text.SimpleAttributeSet;
import javax.swing.text.StyleConstants;
import javax.swing.text.StyledDocument;

/**
 * Writes one {@link ChatLine} into a transcript's document at a given offset: time, nick in its
 * colour, links, own and mention marking. A line from history is muted throughout and shows its date,
 * so it never reads as something said just now; the "new" divider is a centred rule.
 */
final class LineRenderer {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMM HH:mm");

    private final ZoneId zone;
    private final Supplier<Font> font;
    private Palette palette = Palette.current();

    LineRenderer(ZoneId zone, Supplier<Font> font) {
        this.zone = zone;
        this.font = font;
    }

    void palette(Palette value) {
        palette = value;
    }

    /** Inserts {@code line}'s text at {@code at}; returns the offset after it. */
    int write(StyledDocument doc, int at, ChatLine line) throws BadLocationException {
        Pos p = new Pos(doc, at, line.history());
        if (line.kind() == LineKind.DIVIDER) {
            p.put("───────  " + line.text() + "  ───────", style(palette.mentionAccent(), true, false, -1f));
            return p.at;
        }
        String time = (line.history() ? DAY_TIME : HH_MM).format(line.time().atZone(zone));
        p.put(time + "  ", style(palette.muted(), false, line.history(), -1f));
        switch (line.kind()) {
            case MESSAGE, MENTION, OWN_MESSAGE -> {
                boolean own = line.kind() == LineKind.OWN_MESSAGE;
                p.put(line.nick(), style(own ? palette.own() : palette.nick(line.nick()), true, false, 0));
                p.put("  ", null);
                body(p, line.text(), false);
            }
            case ACTION -> {
                p.put("* ", style(null, false, true, 0));
                p.put(line.nick(), style(palette.nick(line.nick()), true, true, 0));
                p.put(" ", style(null, false, true, 0));
                body(p, line.text(), true);
            }
            case NOTICE -> {
                p.put("-" + line.nick() + "-  ", style(palette.nick(line.nick()), true, false, 0));
                body(p, line.text(), false);
            }
            case EVENT -> p.put("— " + line.text(), style(palette.muted(), false, true, -1f));
            case INFO -> p.put(line.text(), style(palette.muted(), false, false, -1f));
            case ERROR -> p.put(line.text(), style(palette.error(), true, false, 0));
            default -> p.put(line.text(), null);
        }
        return p.at;
    }

    /** The paragraph marking of {@code line}: own and mention backgrounds with their accent bar. */
    SimpleAttributeSet paragraph(ChatLine line) {
        SimpleAttributeSet para = new SimpleAttributeSet();
        StyleConstants.setSpaceBelow(para, 3f);
        // always set: a new paragraph would otherwise inherit the previous one's marking
        Color background = TranscriptEditorKit.NONE;
        Color accent = TranscriptEditorKit.NONE;
        if (line.kind() == LineKind.OWN_MESSAGE && !line.history()) {
            background = palette.ownBackground();
            accent = palette.own();
        } else if (line.kind() == LineKind.MENTION) {
            background = line.history() ? TranscriptEditorKit.NONE : palette.mention();
            accent = palette.mentionAccent();
        }
        StyleConstants.setBackground(para, background);
        para.addAttribute(TranscriptEditorKit.ACCENT, accent);
        StyleConstants.setAlignment(para, line.kind() == LineKind.DIVIDER ? StyleConstants.ALIGN_CENTER
                : StyleConstants.ALIGN_LEFT);
        return para;
    }

    private void body(Pos p, String body, boolean italic) throws BadLocationException {
        int from = 0;
        for (LinkFinder.Link link : LinkFinder.find(body)) {
            p.put(body.substring(from, link.start()), style(null, false, italic, 0));
            SimpleAttributeSet a = style(palette.link(), false, italic, 0);
            StyleConstants.setUnderline(a, true);
            a.addAttribute(TranscriptPane.LINK, link.url());
            p.put(body.substring(link.start(), link.end()), a);
            from = link.end();
        }
        p.put(body.substring(from), style(null, false, italic, 0));
    }

    private SimpleAttributeSet style(Color color, boolean bold, boolean italic, float sizeDelta) {
        SimpleAttributeSet a = new SimpleAttributeSet();
        if (color != null) {
            StyleConstants.setForeground(a, color);
        }
        StyleConstants.setBold(a, bold);
        StyleConstants.setItalic(a, italic);
        Font f = font.get();
        if (sizeDelta != 0 && f != null) {
            StyleConstants.setFontSize(a, Math.round(f.getSize2D() + sizeDelta));
        }
        return a;
    }

    /** Where the next piece goes; history lines are muted whatever their parts ask for. */
    private final class Pos {
        final StyledDocument doc;
        final boolean muted;
        int at;

        Pos(StyledDocument doc, int at, boolean muted) {
            this.doc = doc;
            this.at = at;
            this.muted = muted;
        }

        void put(String s, SimpleAttributeSet a) throws BadLocationException {
            SimpleAttributeSet attrs = a == null ? new SimpleAttributeSet() : a;
            if (muted && attrs.getAttribute(TranscriptPane.LINK) == null) {
                StyleConstants.setForeground(attrs, palette.muted());
            }
            doc.insertString(at, s, attrs);
            at += s.length();
        }
    }
}
