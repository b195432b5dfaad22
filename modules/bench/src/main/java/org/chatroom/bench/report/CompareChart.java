package org.chatroom.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws the comparison chart with plain Java2D (headless): one panel per headline metric, a bar
 * per server at its median with a min–max whisker and the median written above.
 */
final class CompareChart {
    private static final String[][] PANELS = {
        {"F1", "deliveries_per_s", "F1 deliveries/s (millions, higher is better)", "1e-6"},
        {"F1", "latency_p99_ms", "F1 p99 latency, ms (lower is better)", "1"},
        {"F2", "latency_p99_ms", "F2 p99 latency, ms (lower is better)", "1"},
        {"C", "server_rss_mb", "C: server RSS at 10,000 connections, MB", "1"},
    };
    private static final Color[] COLORS = {new Color(0x2E7D32), new Color(0x1565C0), new Color(0xEF6C00),
        new Color(0x6A1B9A)};
    private static final int W = 1200;
    private static final int H = 800;

    private CompareChart() {
    }

    static void write(CompareReport.Summary s, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
        g.drawString("Chatroom vs ngIRCd vs InspIRCd — medians, whiskers min–max (bench/compare.sh)", 30, 34);
        int panelW = W / 2;
        int panelH = (H - 50) / 2;
        for (int p = 0; p < PANELS.length; p++) {
            int x = (p % 2) * panelW;
            int y = 50 + (p / 2) * panelH;
            panel(g, s, PANELS[p], x, y, panelW, panelH);
        }
        g.dispose();
        ImageIO.write(img, "png", png.toFile());
    }

    private static void panel(Graphics2D g, CompareReport.Summary s, String[] spec, int x, int y, int w, int h) {
        double scale = Double.parseDouble(spec[3]);
        List<String> servers = s.servers();
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(spec[2], x + 30, y + 25);
        int left = x + 70;
        int right = x + w - 30;
        int top = y + 50;
        int bottom = y + h - 50;
        double maxV = 0;
        for (String srv : servers) {
            CompareReport.Stats st = s.stats(srv, spec[0], spec[1]);
            if (st != null) {
                maxV = Math.max(maxV, st.max * scale);
            }
        }
        if (maxV <= 0) {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            g.drawString("no data", left, (top + bottom) / 2);
            return;
        }
        double axisMax = niceCeiling(maxV * 1.1);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setStroke(new BasicStroke(1f));
        for (int i = 0; i <= 4; i++) {
            double v = axisMax * i / 4;
            int yy = bottom - (int) ((bottom - top) * (v / axisMax));
            g.setColor(new Color(0xE0E0E0));
            g.drawLine(left, yy, right, yy);
            g.setColor(Color.DARK_GRAY);
            g.drawString(CompareReport.Stats.fmt(v), x + 10, yy + 4);
        }
        g.setColor(Color.BLACK);
        g.drawLine(left, bottom, right, bottom);
        int slot = (right - left) / Math.max(1, servers.size());
        for (int i = 0; i < servers.size(); i++) {
            CompareReport.Stats st = s.stats(servers.get(i), spec[0], spec[1]);
            int cx = left + slot * i + slot / 2;
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            int tw = g.getFontMetrics().stringWidth(servers.get(i));
            g.drawString(servers.get(i), cx - tw / 2, bottom + 20);
            if (st == null || st.median < 0) {
                g.setFont(new Font(Font.SANS_SERIF, Font.ITALIC, 13));
                String na = "n/a (run failed)";
                g.drawString(na, cx - g.getFontMetrics().stringWidth(na) / 2, bottom - 10);
                continue;
            }
            int barW = slot / 2;
            int yMed = bottom - (int) ((bottom - top) * (st.median * scale / axisMax));
            g.setColor(COLORS[i % COLORS.length]);
            g.fillRect(cx - barW / 2, yMed, barW, bottom - yMed);
            int yMin = bottom - (int) ((bottom - top) * (st.min * scale / axisMax));
            int yMax = bottom - (int) ((bottom - top) * (st.max * scale / axisMax));
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(2f));
            g.drawLine(cx, yMin, cx, yMax);
            g.drawLine(cx - 8, yMin, cx + 8, yMin);
            g.drawLine(cx - 8, yMax, cx + 8, yMax);
            g.setStroke(new BasicStroke(1f));
            String label = CompareReport.Stats.fmt(st.median * scale);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            int lw = g.getFontMetrics().stringWidth(label);
            g.drawString(label, cx - lw / 2, Math.min(yMax, yMed) - 6);
        }
    }

    /** 1, 2 or 5 times a power of ten, at least {@code v}. */
    static double niceCeiling(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }
}
