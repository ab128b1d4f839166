package org.watchdogmenu.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFilesTest {
  @TempDir Path dir;

  @Test
  void tailGivesTheLastLines() throws Exception {
    Path log = dir.resolve("a.log");
    Files.writeString(log, "one\ntwo\nthree\n");
    assertThat(LogFiles.tail(log, 2)).containsExactly("two", "three");
    assertThat(LogFiles.tail(log, 10)).containsExactly("one", "two", "three");
    assertThat(LogFiles.tail(log, 0)).isEmpty();
  }
}
