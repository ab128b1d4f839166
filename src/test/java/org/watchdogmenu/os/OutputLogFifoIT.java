package org.watchdogmenu.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command log is opened as root in folders another account may own: these are the tricks such
 * an account could play. Uid 54321 stands for that account (no name needed: ownership is by
 * number).
 */
class OutputLogFifoIT {
  private static final int OTHER = 54321;

  @TempDir Path dir;

  private static OutputLog opened(OutputLog.Opening o) {
    assertThat(o).isInstanceOf(OutputLog.Opened.class);
    return ((OutputLog.Opened) o).log();
  }

  private static String refusal(OutputLog.Opening o) {
    assertThat(o).isInstanceOf(OutputLog.Refused.class);
    return ((OutputLog.Refused) o).why();
  }

  @Test
  void aFifoIsRefusedWithoutBlocking() throws Exception {
    Path log = dir.resolve("health.log");
    new ProcessBuilder("mkfifo", log.toString()).start().waitFor();

    assertThat(refusal(OutputLog.open(log))).contains("a FIFO");
  }
}
