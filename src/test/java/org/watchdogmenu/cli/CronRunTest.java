package org.watchdogmenu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.model.RestartSource;

/**
 * The runs cron starts ({@code check}, {@code restart}) read their arguments without picocli and
 * load only their target; they answer as the picocli commands do, and leave anything unusual to
 * them.
 */
class CronRunTest {
  @TempDir Path root;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void site() throws Exception {
    write(
        "web.yaml",
        "id: web\n"
            + "service: {kind: command, restart: [\"/bin/true\"]}\n"
            + "probes:\n"
            + "  - {type: command, name: first, command: [\"/bin/true\"]}\n"
            + "policy: {retries: 1}\n");
  }

  private void write(String name, String text) throws Exception {
    Path dir = root.resolve("etc/watchdog-menu/targets");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(name), text);
  }

  private int run(String... args) {
    return WatchdogMenuCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  /** The same arguments through picocli's commands only. */
  private int picocli(StringWriter o, StringWriter e, String... args) {
    return WatchdogMenuCommand.commandLine(new PrintWriter(o, true), new PrintWriter(e, true))
        .execute(args);
  }

  private static String withoutTimes(String s) {
    return s.replaceAll("\\[[0-9T:Z-]+\\] ", "");
  }

  @Test
  void readsThePlainFormsOnly() {
    assertThat(CronRun.parse("check", "web")).isPresent();
    assertThat(CronRun.parse("--root", "/r", "check", "web", "--no-restart", "--dry-run"))
        .hasValueSatisfying(
            a -> {
              assertThat(a.root()).isEqualTo(Path.of("/r"));
              assertThat(a.noRestart()).isTrue();
              assertThat(a.dryRun()).isTrue();
            });
    assertThat(CronRun.parse("restart", "web", "--source", "cron", "--force", "--root=/r"))
        .hasValueSatisfying(
            a -> {
              assertThat(a.source()).isEqualTo(RestartSource.CRON);
              assertThat(a.force()).isTrue();
              assertThat(a.root()).isEqualTo(Path.of("/r"));
            });
    assertThat(CronRun.parse("restart", "web", "--source=manual")).isPresent();
  }

  @Test
  void leavesEverythingElseToPicocli() {
    assertThat(CronRun.parse()).isEmpty();
    assertThat(CronRun.parse("check")).isEmpty();
    assertThat(CronRun.parse("check", "--help")).isEmpty();
    assertThat(CronRun.parse("check", "web", "-h")).isEmpty();
    assertThat(CronRun.parse("check", "web", "other")).isEmpty();
    assertThat(CronRun.parse("check", "web", "--dry-run", "--dry-run")).isEmpty();
    assertThat(CronRun.parse("check", "web", "--force")).isEmpty();
    assertThat(CronRun.parse("check", "web", "--dry-run=yes")).isEmpty();
    assertThat(CronRun.parse("check", "web", "--root")).isEmpty();
    assertThat(CronRun.parse("check", "web", "--root", "--dry-run")).isEmpty();
    assertThat(CronRun.parse("check", "--", "web")).isEmpty();
    assertThat(CronRun.parse("check", "@args")).isEmpty();
    assertThat(CronRun.parse("--dry-run", "check", "web")).isEmpty();
    assertThat(CronRun.parse("restart", "web", "--no-restart")).isEmpty();
    assertThat(CronRun.parse("restart", "web", "--source", "health")).isEmpty();
    assertThat(CronRun.parse("status", "web")).isEmpty();
    assertThat(CronRun.parse("help", "check")).isEmpty();
  }

  @Test
  void restartSaysWhatPicocliSays() {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int viaPicocli =
        picocli(o, e, "restart", "web", "--dry-run", "--source", "cron", "--root", root.toString());
    int direct = run("restart", "web", "--dry-run", "--source", "cron", "--root", root.toString());
    assertThat(direct).isEqualTo(viaPicocli).isZero();
    assertThat(withoutTimes(out.toString())).isEqualTo(withoutTimes(o.toString()));
    assertThat(err.toString()).isEqualTo(e.toString()).isEmpty();
  }

  @Test
  void aBrokenFileOfTheTargetItselfIsOneLineNamingFileLineAndKey() throws Exception {
    write(
        "web.yaml",
        "id: web\n"
            + "service: {kind: command, restart: [\"/bin/true\"]}\n"
            + "probes:\n"
            + "  - {type: command, command: [\"/bin/true\"]}\n"
            + "policy: {retries: lots}\n");
    assertThat(run("check", "web", "--root", root.toString())).isEqualTo(3);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString().lines()).hasSize(1);
    assertThat(err.toString())
        .contains("/etc/watchdog-menu/targets/web.yaml line 5")
        .contains("retries")
        .doesNotContain("Exception");
  }

  @Test
  void anUnknownTargetIsPicocliOneLine() {
    assertThat(run("restart", "nope", "--root", root.toString())).isEqualTo(2);
    assertThat(err.toString().strip())
        .isEqualTo("unknown target 'nope': run 'watchdog-menu list' to see the targets")
        .doesNotContain("\n");
  }
}
