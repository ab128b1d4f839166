package org.watchdogmenu.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnifiedDiffIT {
  @TempDir Path dir;

  @Test
  void matchesDiffUOnTheSameTexts() throws Exception {
    StringBuilder old = new StringBuilder();
    StringBuilder now = new StringBuilder();
    for (int i = 1; i <= 20; i++) {
      old.append("line ").append(i).append('\n');
      if (i != 4 && i != 15) {
        now.append(i == 9 ? "changed 9" : "line " + i).append('\n');
      }
      if (i == 17) {
        now.append("added\n");
      }
    }
    Path a = Files.writeString(dir.resolve("a"), old);
    Path b = Files.writeString(dir.resolve("b"), now);
    Process p =
        new ProcessBuilder(
                "diff", "-U", "3", "--label", "a", "--label", "b", a.toString(), b.toString())
            .start();
    String expected = new String(p.getInputStream().readAllBytes());
    p.waitFor(10, TimeUnit.SECONDS);

    String ours = UnifiedDiff.of("a", old.toString(), "b", now.toString());

    assertThat(normalized(ours)).isEqualTo(normalized(expected));
  }

  /** diff -u writes "@@ -3 +3 @@" for one-line ranges; both forms mean the same. */
  private static List<String> normalized(String diff) {
    return diff.lines()
        .map(l -> l.replaceAll("(\\d+),1 ", "$1 ").replaceAll("(\\d+),1 @@", "$1 @@"))
        .toList();
  }
}
