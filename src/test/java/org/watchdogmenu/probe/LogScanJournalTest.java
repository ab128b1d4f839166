package org.watchdogmenu.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.model.LogScanProbeSpec;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.MutableClock;
import org.watchdogmenu.os.ScriptedCommandRunner;
import org.watchdogmenu.os.TestHosts;

class LogScanJournalTest {
  private static final String NOW = "2025-02-14T10:30:00Z";
  private static final long NOW_EPOCH = Instant.parse(NOW).getEpochSecond();

  @TempDir Path root;
  private final ScriptedCommandRunner runner = new ScriptedCommandRunner();
  private Host host;

  @BeforeEach
  void setUp() {
    host = TestHosts.scripted(root, runner, MutableClock.at(NOW));
  }

  private static LogScanProbeSpec unit(String pattern) {
    return new LogScanProbeSpec(null, null, "paqet-server", null, pattern, null);
  }

  private ProbeResult run(LogScanProbeSpec spec, Optional<Instant> notBefore) {
    return Probes.of(spec).run(Contexts.of(host, null, notBefore, null));
  }

  private ScriptedCommandRunner.Expectation expectJournal(long since) {
    return runner.expect(
        "journalctl",
        "-u",
        "paqet-server",
        "--since",
        "@" + since,
        "--no-pager",
        "-q",
        "-o",
        "short-iso");
  }

  @Test
  void scansTheLastFiveMinutesOfTheUnitsJournal() {
    expectJournal(NOW_EPOCH - 300).prints("2025-02-14T10:26:01+0000 host paqet[12]: tunnel up\n");

    ProbeResult r = run(unit("connection (refused|reset)"), Optional.empty());

    runner.verifyAllUsed();
    assertThat(r.verdict()).isEqualTo(Verdict.PASS);
    assertThat(r.message())
        .isEqualTo(
            "no line matches /connection (refused|reset)/ in journal of paqet-server since"
                + " 2025-02-14T10:25:00Z");
  }

  @Test
  void startsAtNotBeforeWhenTheServiceRestartedInsideTheWindow() {
    Instant restarted = Instant.parse("2025-02-14T10:28:20Z");
    expectJournal(restarted.getEpochSecond()).prints("");

    ProbeResult r = run(unit("error"), Optional.of(restarted));

    runner.verifyAllUsed();
    assertThat(r.verdict()).isEqualTo(Verdict.PASS);
  }

  @Test
  void keepsNowMinusSinceWhenNotBeforeIsOlder() {
    expectJournal(NOW_EPOCH - 600).prints("");
    LogScanProbeSpec spec =
        new LogScanProbeSpec(null, null, "paqet-server", null, "error", Duration.ofMinutes(10));

    run(spec, Optional.of(Instant.parse("2025-02-14T09:00:00Z")));

    runner.verifyAllUsed();
  }

  @Test
  void failsWithTheCountAndTheFirstMatchingLine() {
    String longTail = "x".repeat(400);
    expectJournal(NOW_EPOCH - 300)
        .prints(
            "2025-02-14T10:26:01+0000 host paqet[12]: tunnel up\n"
                + "2025-02-14T10:27:00+0000 host paqet[12]: dial: connection refused "
                + longTail
                + "\n"
                + "2025-02-14T10:28:00+0000 host paqet[12]: read: connection reset by peer\n");

    ProbeResult r = run(unit("connection (refused|reset)"), Optional.empty());

    assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(r.message())
        .startsWith(
            "2 lines match /connection (refused|reset)/ in journal of paqet-server since"
                + " 2025-02-14T10:25:00Z, first: 2025-02-14T10:27:00+0000 host paqet[12]: dial:"
                + " connection refused xxx")
        .endsWith("…");
    assertThat(r.message().substring(r.message().indexOf("first: ") + 7)).hasSize(201);
  }

  @Test
  void missingJournalctlIsUnknown() {
    expectJournal(NOW_EPOCH - 300).isMissing();

    ProbeResult r = run(unit("error"), Optional.empty());

    assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(r.message()).startsWith("journalctl not found");
  }

  @Test
  void aFailingJournalctlIsUnknown() {
    expectJournal(NOW_EPOCH - 300).exits(1).printsError("Failed to open journal");

    ProbeResult r = run(unit("error"), Optional.empty());

    assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(r.message())
        .isEqualTo("cannot read the journal: journalctl exit 1: Failed to open journal");
  }

  @Test
  void aMissingPatternIsAConfigProblemNamingTheField() {
    ProbeResult r = run(unit(null), Optional.empty());

    runner.verifyAllUsed();
    assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(r.message()).startsWith("log-scan probe: pattern is missing: set pattern");
  }

  @Test
  void aBadRegexIsAConfigProblemNamingTheField() {
    ProbeResult r = run(unit("connection (refused"), Optional.empty());

    assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(r.message())
        .startsWith("log-scan probe: pattern is not a valid regular expression")
        .endsWith("fix pattern");
  }

  @Test
  void unitAndFileTogetherIsAConfigProblem() {
    ProbeResult r =
        run(new LogScanProbeSpec(null, null, "a", "/var/log/a.log", "x", null), Optional.empty());

    assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(r.message()).contains("set exactly one of unit", "or file");
  }
}
