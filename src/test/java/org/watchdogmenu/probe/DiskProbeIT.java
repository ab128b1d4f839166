package org.watchdogmenu.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.model.DiskProbeSpec;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;

/** The disk probe on the real file system of the temp folder, checked against the real df. */
class DiskProbeIT {
  @TempDir Path root;

  private static long dfPercent(Path dir) throws Exception {
    Process df = new ProcessBuilder("df", "--output=pcent", dir.toString()).start();
    String out = new String(df.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    df.waitFor(10, TimeUnit.SECONDS);
    return Long.parseLong(out.lines().skip(1).findFirst().orElseThrow().replace("%", "").trim());
  }

  private ProbeResult probe(int max) {
    return Probes.of(new DiskProbeSpec(null, null, "/", max))
        .run(Contexts.of(Host.system(new HostRoot(root))));
  }

  @Test
  void agreesWithDfAndFailsAboveTheLimit() throws Exception {
    long df = dfPercent(root);

    ProbeResult ok = probe(100);
    long measured =
        Long.parseLong(ok.message().replaceAll("^disk (\\d+)% used on / \\(limit 100%\\)$", "$1"));

    assertThat(ok.verdict()).isEqualTo(Verdict.PASS);
    assertThat(measured).isBetween(df - 1, df + 1);
    if (measured > 0) {
      ProbeResult full = probe((int) measured - 1);
      assertThat(full.verdict()).isEqualTo(Verdict.FAIL);
      assertThat(full.message())
          .isEqualTo("disk " + measured + "% used on / (limit " + (measured - 1) + "%)");
    }
  }
}
