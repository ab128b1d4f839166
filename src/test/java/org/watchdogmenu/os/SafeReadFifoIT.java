package org.watchdogmenu.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Root's reads: no link, no FIFO, no device, a size cap, and owner rules for what root runs. */
class SafeReadFifoIT {
  @TempDir Path dir;

  @Test
  @Timeout(10)
  void aFifoIsRefusedWithoutHanging() throws Exception {
    Path fifo = dir.resolve("pm2.pid");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    assertThatThrownBy(() -> SafeRead.untrusted(fifo, 64))
        .isInstanceOf(UnsafePathException.class)
        .hasMessageContaining("a FIFO");
  }
}
