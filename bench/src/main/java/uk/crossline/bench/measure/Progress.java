package uk.crossline.bench.measure;

import java.io.PrintStream;

/** What the benchmark is doing, printed as it goes, with the time since it began. */
public final class Progress {

  private final PrintStream out;
  private final long started = System.nanoTime();

  public Progress(PrintStream out) {
    this.out = out;
  }

  public void stage(String text) {
    out.printf("%n[%5.0fs] == %s%n", seconds(), text);
    out.flush();
  }

  public void line(String format, Object... arguments) {
    out.printf("[%5.0fs]    %s%n", seconds(), String.format(format, arguments));
    out.flush();
  }

  private double seconds() {
    return (System.nanoTime() - started) / 1e9;
  }
}
