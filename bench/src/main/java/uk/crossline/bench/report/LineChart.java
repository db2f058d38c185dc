package uk.crossline.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A plain line chart drawn with java.awt, headless, to PNG: a few named series of points, linear
 * axes from zero, a legend. Enough for latency against load and throughput against time.
 */
public final class LineChart {

  /** One line: its name and its points (x, y). */
  public record Series(String name, List<double[]> points, boolean dashed) {}

  private static final Color[] COLOURS = {
    new Color(0x1d70b8),
    new Color(0xd4351c),
    new Color(0x00703c),
    new Color(0xf47738),
    new Color(0x4c2c92),
    new Color(0x505a5f)
  };
  private static final int WIDTH = 900;
  private static final int HEIGHT = 520;
  private static final int LEFT = 80;
  private static final int RIGHT = 220;
  private static final int TOP = 50;
  private static final int BOTTOM = 60;

  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final List<Series> series = new ArrayList<>();
  private boolean logX;

  public LineChart(String title, String xLabel, String yLabel) {
    this.title = title;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
  }

  public LineChart add(Series line) {
    series.add(line);
    return this;
  }

  /** x on a log scale (base 2), for analysts 1, 8, 32. */
  public LineChart logX() {
    this.logX = true;
    return this;
  }

  public void write(Path file) throws IOException {
    System.setProperty("java.awt.headless", "true");
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      draw(g);
    } finally {
      g.dispose();
    }
    ImageIO.write(image, "png", file.toFile());
  }

  private double x(double value) {
    return logX ? Math.log(Math.max(value, 1)) / Math.log(2) : value;
  }

  private void draw(Graphics2D g) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, HEIGHT);
    double minX = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = 0;
    for (Series line : series) {
      for (double[] p : line.points()) {
        if (Double.isNaN(p[1])) {
          continue;
        }
        minX = Math.min(minX, x(p[0]));
        maxX = Math.max(maxX, x(p[0]));
        maxY = Math.max(maxY, p[1]);
      }
    }
    if (minX > maxX) {
      minX = 0;
      maxX = 1;
    }
    if (maxX == minX) {
      maxX = minX + 1;
    }
    maxY = niceCeiling(maxY == 0 ? 1 : maxY * 1.05);
    int plotWidth = WIDTH - LEFT - RIGHT;
    int plotHeight = HEIGHT - TOP - BOTTOM;
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    g.drawString(title, LEFT, 28);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    // Grid and y ticks.
    for (int i = 0; i <= 5; i++) {
      int y = TOP + plotHeight - i * plotHeight / 5;
      g.setColor(new Color(0xdddddd));
      g.drawLine(LEFT, y, LEFT + plotWidth, y);
      g.setColor(Color.BLACK);
      String label = format(maxY * i / 5);
      g.drawString(label, LEFT - 8 - g.getFontMetrics().stringWidth(label), y + 4);
    }
    // x ticks: the distinct x values when few (load levels), else five even steps.
    List<Double> ticks = new ArrayList<>();
    if (logX) {
      for (Series line : series) {
        for (double[] p : line.points()) {
          if (!ticks.contains(p[0])) {
            ticks.add(p[0]);
          }
        }
      }
    } else {
      for (int i = 0; i <= 5; i++) {
        ticks.add(minX + (maxX - minX) * i / 5);
      }
    }
    for (double tick : ticks) {
      int px = LEFT + (int) ((x(tick) - minX) / (maxX - minX) * plotWidth);
      g.setColor(Color.BLACK);
      g.drawLine(px, TOP + plotHeight, px, TOP + plotHeight + 4);
      String label = format(tick);
      g.drawString(label, px - g.getFontMetrics().stringWidth(label) / 2, TOP + plotHeight + 18);
    }
    g.drawRect(LEFT, TOP, plotWidth, plotHeight);
    g.drawString(
        xLabel, LEFT + plotWidth / 2 - g.getFontMetrics().stringWidth(xLabel) / 2, HEIGHT - 15);
    var saved = g.getTransform();
    g.rotate(-Math.PI / 2);
    g.drawString(yLabel, -(TOP + plotHeight / 2 + g.getFontMetrics().stringWidth(yLabel) / 2), 18);
    g.setTransform(saved);
    // Lines and legend.
    for (int s = 0; s < series.size(); s++) {
      Series line = series.get(s);
      Color colour = COLOURS[s % COLOURS.length];
      g.setColor(colour);
      g.setStroke(
          line.dashed()
              ? new BasicStroke(
                  2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1, new float[] {6, 4}, 0)
              : new BasicStroke(2));
      int[] previous = null;
      for (double[] p : line.points()) {
        if (Double.isNaN(p[1])) {
          continue;
        }
        int px = LEFT + (int) ((x(p[0]) - minX) / (maxX - minX) * plotWidth);
        int py = TOP + plotHeight - (int) (p[1] / maxY * plotHeight);
        if (previous != null) {
          g.drawLine(previous[0], previous[1], px, py);
        }
        if (line.points().size() <= 12) {
          g.fillOval(px - 3, py - 3, 6, 6);
        }
        previous = new int[] {px, py};
      }
      int ly = TOP + 10 + s * 20;
      g.drawLine(LEFT + plotWidth + 15, ly, LEFT + plotWidth + 40, ly);
      g.setStroke(new BasicStroke(1));
      g.setColor(Color.BLACK);
      g.drawString(line.name(), LEFT + plotWidth + 46, ly + 4);
    }
  }

  static double niceCeiling(double value) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
    for (double step : new double[] {1, 2, 2.5, 5, 10}) {
      if (step * magnitude >= value) {
        return step * magnitude;
      }
    }
    return 10 * magnitude;
  }

  private static String format(double value) {
    if (Math.abs(value) >= 1000) {
      return String.format("%,.0f", value);
    }
    return value == Math.rint(value) ? String.format("%.0f", value) : String.format("%.1f", value);
  }
}
