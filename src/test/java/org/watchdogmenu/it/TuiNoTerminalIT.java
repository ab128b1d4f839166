package org.watchdogmenu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar started as cron or {@code ssh} without {@code -t} would: no tty, {@code DISPLAY}
 * set, no {@code java.awt.headless} on the command line. It must print one line naming the
 * commands, exit 2, and open no window.
 */
class TuiNoTerminalIT {
  @TempDir Path root;

  @Test
  void withoutATtyAndWithDisplaySetItPrintsTheCommandsAndExits2() throws Exception {
    Path out = root.resolveSibling(root.getFileName() + ".out");
    Path err = root.resolveSibling(root.getFileName() + ".err");
    ProcessBuilder pb =
        new ProcessBuilder(List.of("java", "-jar", Jar.jar().toString(), "--root", root.toString()))
            .redirectInput(new File("/dev/null"))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    pb.environment().put("DISPLAY", ":0");
    pb.environment().put("TERM", "xterm-256color");
    long start = System.nanoTime();
    Process p = pb.start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("it ends by itself").isTrue();
    long millis = (System.nanoTime() - start) / 1_000_000;
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(Files.readString(out)).isEmpty();
    assertThat(stderr.strip().lines()).hasSize(1);
    assertThat(stderr)
        .contains("the menu needs a terminal")
        .contains("watchdog-menu status, list, check, restart, logs, enable, disable")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertThat(millis).as("no window waits for anybody").isLessThan(30_000);
    Files.delete(out);
    Files.delete(err);
  }
}
