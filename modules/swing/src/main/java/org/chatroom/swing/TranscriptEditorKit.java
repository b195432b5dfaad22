package org.chatroom.swing;

import java.awt.Color;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import javax.swing.text.AbstractDocument;
import javax.swing.text.Element;
import javax.swing.text.LabelView;
import javax.swing.text.ParagraphView;
import javax.swing.text.StyleConstants;
import javax.swing.text.StyledEditorKit;
import javax.swing.text.View;
import javax.swing.text.ViewFactory;

/**
 * A styled editor kit whose paragraphs paint their {@link StyleConstants#Background} across the full
 * width, with an accent bar on the left: how our own messages are marked in the transcript. Text
 * wraps at spaces, and a word too long for a line (a long URL) is broken anywhere rather than
 * widening the whole transcript.
 */
final class TranscriptEditorKit extends StyledEditorKit {
    static final String ACCENT = "chat.accent";
    /** No marking: fully transparent. */
    static final Color NONE = new Color(0, 0, 0, 0);

    @Override
    public ViewFactory getViewFactory() {
        ViewFactory base = super.getViewFactory();
        return element -> {
            String name = element.getName();
            if (AbstractDocument.ParagraphElementName.equals(name)) {
                return new MarkedParagraphView(element);
            }
            return AbstractDocument.ContentElementName.equals(name) ? new WrappingLabelView(element) : base.create(element);
        };
    }

    /**
     * A run of text that claims no minimum width: the paragraph may then break it at any character
     * when no space fits (a plain LabelView's minimum is its longest word, which turns wrapping off).
     */
    private static final class WrappingLabelView extends LabelView {
        WrappingLabelView(Element element) {
            super(element);
        }

        @Override
        public float getMinimumSpan(int axis) {
            return axis == View.X_AXIS ? 0 : super.getMinimumSpan(axis);
        }
    }

    private static final class MarkedParagraphView extends ParagraphView {
        MarkedParagraphView(Element element) {
            super(element);
        }

        @Override
        public void paint(Graphics g, Shape allocation) {
            Object bg = getElement().getAttributes().getAttribute(StyleConstants.Background);
            if (bg instanceof Color color && color.getAlpha() > 0) {
                Rectangle r = allocation.getBounds();
                Graphics2D g2 = (Graphics2D) g.create();
                g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                g2.setColor(color);
                g2.fillRoundRect(r.x - 6, r.y, r.width + 6, Math.max(1, r.height - 1), 8, 8);
                Object accent = getElement().getAttributes().getAttribute(ACCENT);
                if (accent instanceof Color a && a.getAlpha() > 0) {
                    g2.setColor(a);
                    g2.fillRect(r.x - 6, r.y, 3, Math.max(1, r.height - 1));
                }
                g2.dispose();
            }
            super.paint(g, allocation);
        }
    }

    @Override
    public Object clone() {
        return new TranscriptEditorKit();
    }
}
