package uk.crossline.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live heap of a JVM is read through jcmd; a process that is no JVM has none. */
class MemoryTest {

  @Test
  void liveHeapOfAJvmIsWhatAFullCollectionLeaves(@TempDir Path dir) throws Exception {
    // given another JVM, holding about 64 MB
    Path program = dir.resolve("Holder.java");
    Files.writeString(
        program,
        """
        public class Holder {
          public static void main(String[] args) throws Exception {
            byte[][] held = new byte[64][1024 * 1024];
            System.out.println("ready " + held.length);
            Thread.sleep(60_000);
          }
        }
        """);
    Process holder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                program.toString())
            .redirectErrorStream(true)
            .start();
    try (BufferedReader out = holder.inputReader()) {
      assertThat(out.readLine()).isEqualTo("ready 64");

      // when its live heap is read, then it is what it holds, and no more than its heap
      assertThat(Memory.liveHeapBytes(holder.pid()))
          .isGreaterThan(64L * 1024 * 1024)
          .isLessThan(256L * 1024 * 1024);
    } finally {
      holder.destroyForcibly();
    }
  }

  @Test
  void aProcessThatIsNoJvmHasNoLiveHeap() throws Exception {
    Process sleeper = new ProcessBuilder("sleep", "30").start();
    try {
      assertThat(Memory.liveHeapBytes(sleeper.pid())).isZero();
    } finally {
      sleeper.destroyForcibly();
    }
  }
}
