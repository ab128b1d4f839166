package org.watchdogmenu.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnifiedDiffTest {
  @TempDir Path dir;

  @Test
  void equalTextsHaveNoDiff() {
    assertThat(UnifiedDiff.of("a", "x\n", "b", "x\n")).isEmpty();
  }

  /** diff -u writes "@@ -3 +3 @@" for one-line ranges; both forms mean the same. */
  private static List<String> normalized(String diff) {
    return diff.lines()
        .map(l -> l.replaceAll("(\\d+),1 ", "$1 ").replaceAll("(\\d+),1 @@", "$1 @@"))
        .toList();
  }
}
