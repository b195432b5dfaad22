package org.chatroom.swing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JScrollBar;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

/** The transcript component on the EDT, without a window (Swing's lightweight parts work headless). */
class TranscriptPaneTest {
    private static final Instant T = Instant.parse("2026-01-02T10:15:00Z");

    private static <T> T edt(Callable<T> c) throws Exception {
        AtomicReference<T> r = new AtomicReference<>();
        AtomicReference<Exception> e = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                r.set(c.call());
            } catch (Exception ex) {
                e.set(ex);
            }
        });
        if (e.get() != null) {
            throw e.get();
        }
        return r.get();
    }

    /** What validate() does for a shown window; a component without a peer has to be laid out by hand. */
    private static void layOut(TranscriptPane p) {
        p.doLayout();
        p.getViewport().doLayout();
        p.textPane().doLayout();
        p.doLayout();
    }

    /** Runs queued EDT work (the pane scrolls with invokeLater) and lays the pane out again. */
    private static void settle(TranscriptPane pane) throws Exception {
        for (int i = 0; i < 3; i++) {
            edt(() -> {
                layOut(pane);
                return null;
            });
        }
    }

    private static TranscriptPane pane() throws Exception {
        return edt(() -> {
            TranscriptPane p = new TranscriptPane(ZoneOffset.UTC);
            p.setSize(400, 150);
            layOut(p);
            return p;
        });
    }

    private static void add(TranscriptPane p, int from, int to, int dropped) throws Exception {
        edt(() -> {
            for (int i = from; i < to; i++) {
                p.append(new ChatLine(T, LineKind.MESSAGE, "bob", "line " + i), dropped);
            }
            layOut(p); // in a window, the RepaintManager validates before the pane's queued scroll runs
            return null;
        });
        settle(p);
    }

    @Test
    void linesShowTimeNickAndTextAndLinksCarryTheirUrl() throws Exception {
        TranscriptPane p = pane();
        edt(() -> {
            p.append(new ChatLine(T, LineKind.MESSAGE, "bob", "see https://chat.test/x"), 0);
            p.append(new ChatLine(T, LineKind.ACTION, "gina", "waves"), 0);
            p.append(new ChatLine(T, LineKind.EVENT, null, "carol joined"), 0);
            return null;
        });
        assertThat(edt(p::plainText)).isEqualTo("10:15  bob  see https://chat.test/x\n10:15  * gina waves\n10:15  — carol joined");
        Object url = edt(() -> p.textPane().getStyledDocument().getCharacterElement(p.plainText().indexOf("https") + 3)
                .getAttributes().getAttribute(TranscriptPane.LINK));
        assertThat(url).isEqualTo("https://chat.test/x");
        boolean italic = edt(() -> javax.swing.text.StyleConstants.isItalic(p.textPane().getStyledDocument()
                .getCharacterElement(p.plainText().indexOf("waves")).getAttributes()));
        assertThat(italic).isTrue();
    }

    @Test
    void followsNewLinesAtTheBottomButNotWhileTheUserReadsOlderOnes() throws Exception {
        TranscriptPane p = pane();
        add(p, 0, 60, 0);
        assertThat(edt(p::atBottom)).isTrue();
        JScrollBar bar = edt(p::getVerticalScrollBar);
        assertThat(edt(bar::getValue)).isPositive();

        edt(() -> {
            bar.setValue(0);
            return null;
        });
        add(p, 60, 80, 0);

        assertThat(edt(bar::getValue)).isZero();
        assertThat(edt(p::atBottom)).isFalse();
    }

    @Test
    void keepsAtMostTheCapAndTheReadingPositionWhenOldLinesGo() throws Exception {
        TranscriptPane p = pane();
        add(p, 0, 60, 0);
        JScrollBar bar = edt(p::getVerticalScrollBar);
        int middle = edt(() -> bar.getMaximum() / 2);
        edt(() -> {
            bar.setValue(middle);
            return null;
        });
        int firstVisible = edt(() -> p.textPane().viewToModel2D(p.getViewport().getViewPosition()));
        String lineInView = edt(() -> p.plainText().substring(firstVisible).split("\n")[0]);

        add(p, 60, 70, 1); // each new line drops the oldest: 60 lines stay

        assertThat(edt(p::lineCount)).isEqualTo(60);
        assertThat(edt(p::plainText)).startsWith("10:15  bob  line 10\n").endsWith("line 69");
        int nowVisible = edt(() -> p.textPane().viewToModel2D(p.getViewport().getViewPosition()));
        assertThat(edt(() -> p.plainText().substring(nowVisible).split("\n")[0])).isEqualTo(lineInView);
    }

    @Test
    void aLongUnbrokenWordWrapsAndTheTabNeverScrollsSideways() throws Exception {
        TranscriptPane p = pane();
        String url = "https://chatroom.example/" + "a".repeat(200);
        edt(() -> {
            p.append(new ChatLine(T, LineKind.MESSAGE, "bob", "look: " + url), 0);
            p.append(new ChatLine(T, LineKind.MESSAGE, "bob", "and a short line after it"), 0);
            return null;
        });
        settle(p);
        int viewport = edt(() -> p.getViewport().getWidth());
        assertThat(edt(() -> p.textPane().getWidth())).isLessThanOrEqualTo(viewport);
        assertThat(edt(() -> p.getHorizontalScrollBar().isVisible())).isFalse();
        // the URL takes several rows: its first and last characters are on different lines
        int start = edt(() -> p.plainText().indexOf("https"));
        int end = start + url.length() - 1;
        double y0 = edt(() -> p.textPane().modelToView2D(start).getY());
        double y1 = edt(() -> p.textPane().modelToView2D(end).getY());
        assertThat(y1).isGreaterThan(y0);
        // and the short line still wraps as a line of its own, below
        int shortAt = edt(() -> p.plainText().indexOf("and a short"));
        assertThat(edt(() -> p.textPane().modelToView2D(shortAt).getY())).isGreaterThan(y1);
    }

    @Test
    void anOlderPageGoesAboveWithDatesAndTheDividerStandsAlone() throws Exception {
        TranscriptPane p = pane();
        edt(() -> {
            p.append(new ChatLine(T, LineKind.MESSAGE, "bob", "live"), 0);
            p.prepend(java.util.List.of(new ChatLine(T.minusSeconds(86_400), LineKind.MESSAGE, "amy", "yesterday", true),
                    new ChatLine(T.minusSeconds(60), LineKind.DIVIDER, null, "new")));
            return null;
        });
        assertThat(edt(p::plainText).split("\n")).containsExactly("1 Jan 10:15  amy  yesterday",
                "───────  new  ───────", "10:15  bob  live");
        assertThat(edt(p::lineCount)).isEqualTo(3);
    }
}
