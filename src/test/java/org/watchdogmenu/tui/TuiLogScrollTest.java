package org.watchdogmenu.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log viewer says how many lines are above and below what it shows, on the box's edges, as
 * every other long screen does: at the end, at the top, after a search, while a search is typed and
 * while it follows new lines.
 */
class TuiLogScrollTest {
  private static final Pattern UP = Pattern.compile("↑ (\\d+) more");
  private static final Pattern DOWN = Pattern.compile("↓ (\\d+) more");

  /** 80x24 with no banner: the box holds 20 rows of the log. */
  private static final int ROWS = 20;

  @TempDir Path dir;
  private Path log;

  @BeforeEach
  void setUp() throws IOException {
    log = dir.resolve("var/log/paqet-health-server.log");
    Files.createDirectories(log.getParent());
    StringBuilder b = new StringBuilder();
    for (int i = 1; i <= 300; i++) {
      b.append("[2026-11-22T10:00:00Z] line ").append(i).append('\n');
    }
    Files.writeString(log, b);
  }

  private VirtualMenu menu() {
    return new VirtualMenu(VirtualMenu.sandbox(dir), 80, 24, new Look(false, true)).type("117");
  }

  @Test
  void atTheEndTheLinesAboveAreCountedAndAtTheTopThoseBelow() {
    VirtualMenu m = menu();
    assertThat(m.row(0)).endsWith("Health log");
    assertThat(m.text()).contains("line 300 ");
    assertThat(count(UP, m)).isEqualTo(200 - ROWS);
    assertThat(m.text()).doesNotContainPattern(DOWN);

    m.press(KeyType.Home);
    assertThat(m.text()).contains("line 101 ").doesNotContain("line 100 ");
    assertThat(count(DOWN, m)).isEqualTo(200 - ROWS);
    assertThat(m.text()).doesNotContainPattern(UP);

    m.press(KeyType.PageDown);
    assertThat(count(UP, m)).isEqualTo(ROWS);
    assertThat(count(DOWN, m)).isEqualTo(200 - 2 * ROWS);
  }

  @Test
  void aSearchBeingTypedAndItsMatchKeepTheMarks() {
    VirtualMenu m = menu().press(KeyType.Home).type("/");
    assertThat(m.text()).contains("Search: _");
    assertThat(count(DOWN, m)).isEqualTo(200 - (ROWS - 1));
    m.type("line 250");
    assertThat(m.text()).contains("Search: line 250_");
    m.type("\n");
    assertThat(m.text()).contains("Found 'line 250' in line 150 of 200", "line 250 ");
    int above = count(UP, m);
    int below = count(DOWN, m);
    assertThat(above).isPositive();
    assertThat(below).isPositive();
    assertThat(above + visibleLogLines(m) + below).isEqualTo(200);
  }

  @Test
  void followingShowsNewLinesWithTheCountAbove() throws IOException {
    VirtualMenu m = menu().press(KeyType.Home).type("f");
    assertThat(m.text()).contains("f follow (on)", "line 300 ");
    assertThat(m.text()).doesNotContainPattern(DOWN);
    Files.writeString(log, "[t] line 301\n", StandardOpenOption.APPEND);
    m.clock().advance(Duration.ofMillis(500));
    assertThat(m.tick()).isTrue();
    assertThat(m.text()).contains("[t] line 301", "Following: new lines appear");
    assertThat(m.text()).doesNotContain("line 101 ");
    assertThat(count(UP, m) + visibleLogLines(m)).isEqualTo(200);
    assertThat(m.text()).doesNotContainPattern(DOWN);
  }

  private static int count(Pattern mark, VirtualMenu m) {
    Matcher found = mark.matcher(m.text());
    assertThat(found.find()).as(mark + " on the screen:\n" + m.text()).isTrue();
    return Integer.parseInt(found.group(1));
  }

  private static int visibleLogLines(VirtualMenu m) {
    return (int) m.text().lines().filter(l -> l.contains("] line ")).count();
  }
}
