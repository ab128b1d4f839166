package org.watchdogmenu.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.model.LogScanProbeSpec;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;

/** The log-scan probe on real files, dated by their lines or their modification time. */
class LogScanFileIT {
  private static final DateTimeFormatter SYSLOG =
      DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ROOT);

  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  @TempDir Path root;
  private Path log;
  private Host host;
  private Instant now;

  @BeforeEach
  void setUp() throws IOException {
    host = Host.system(new HostRoot(root));
    log = root.resolve("var/log/app.log");
    Files.createDirectories(log.getParent());
    now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }

  private String iso(Duration ago) {
    return now.minus(ago).toString();
  }

  private ProbeResult scan(Optional<Instant> notBefore) {
    return Probes.of(new LogScanProbeSpec(null, null, null, "/var/log/app.log", "ERROR", null))
        .run(Contexts.of(host, null, notBefore, null));
  }

  @Test
  void countsOnlyLinesInsideTheWindowWithTheirContinuationLines() throws IOException {
    Files.writeString(
        log,
        "["
            + iso(Duration.ofMinutes(10))
            + "] ERROR old failure\n"
            + "  ERROR continuation of the old one\n"
            + "["
            + iso(Duration.ofMinutes(2))
            + "] INFO all good\n"
            + "["
            + iso(Duration.ofMinutes(1))
            + "] ERROR upstream connection refused\n"
            + "  caused by: ERROR socket closed\n");

    ProbeResult r = scan(Optional.empty());

    assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(r.message())
        .startsWith("2 lines match /ERROR/ in /var/log/app.log since ")
        .endsWith(
            ", first: [" + iso(Duration.ofMinutes(1)) + "] ERROR upstream connection refused");
  }

  @Test
  void errorsBeforeTheWindowOrBeforeNotBeforeDoNotCount() throws IOException {
    Files.writeString(
        log,
        LOCAL.format(now.minus(Duration.ofMinutes(10)).atZone(ZoneId.systemDefault()))
            + " ERROR long ago, local time without T\n"
            + "["
            + iso(Duration.ofMinutes(3))
            + "] ERROR before the restart\n"
            + "["
            + iso(Duration.ofMinutes(1))
            + "] INFO restarted\n");

    ProbeResult before = scan(Optional.empty());
    assertThat(before.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(before.message())
        .startsWith("1 line matches")
        .endsWith("] ERROR before the restart");
    ProbeResult afterRestart = scan(Optional.of(now.minus(Duration.ofMinutes(2))));
    assertThat(afterRestart.verdict()).isEqualTo(Verdict.PASS);
    assertThat(afterRestart.message())
        .startsWith("no line matches /ERROR/ in /var/log/app.log since ");
  }

  @Test
  void readsSyslogTimesInTheLocalZone() throws IOException {
    ZoneId zone = ZoneId.systemDefault();
    Files.writeString(
        log,
        SYSLOG.format(now.minus(Duration.ofMinutes(30)).atZone(zone))
            + " host app[1]: ERROR old\n"
            + SYSLOG.format(now.minus(Duration.ofSeconds(30)).atZone(zone))
            + " host app[1]: ERROR new\n");

    ProbeResult r = scan(Optional.empty());

    assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(r.message()).startsWith("1 line match").endsWith("host app[1]: ERROR new");
  }

  @Test
  void aFileWithoutTimestampsCountsOnlyWhenModifiedInsideTheWindow() throws IOException {
    Files.writeString(log, "starting\nERROR cannot bind\n");

    assertThat(scan(Optional.empty()).verdict()).isEqualTo(Verdict.FAIL);

    Files.setLastModifiedTime(log, FileTime.from(now.minus(Duration.ofMinutes(10))));
    assertThat(scan(Optional.empty()).verdict()).isEqualTo(Verdict.PASS);
  }

  @Test
  void onlyTheLastMegabyteIsRead() throws IOException {
    StringBuilder sb =
        new StringBuilder("[" + iso(Duration.ofSeconds(59)) + "] ERROR at the top\n");
    String filler = "[" + iso(Duration.ofSeconds(30)) + "] INFO " + "x".repeat(100) + "\n";
    while (sb.length() < LogScanFileIT.tailBytes() + 10_000) {
      sb.append(filler);
    }
    Files.writeString(log, sb);

    assertThat(scan(Optional.empty()).verdict()).isEqualTo(Verdict.PASS);
  }

  @Test
  void aLogFileThatDoesNotExistYetPasses() {
    ProbeResult r = scan(Optional.empty());

    assertThat(r.verdict()).isEqualTo(Verdict.PASS);
    assertThat(r.message())
        .isEqualTo("no log file yet at /var/log/app.log (nothing logged, so no errors)");
  }

  private static int tailBytes() {
    return LogFileScan.TAIL_BYTES;
  }
}
