package org.watchdogmenu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.catalog.OneTarget;

/**
 * The runs cron starts ({@code check}, {@code restart}) read their arguments without picocli and
 * load only their target; they answer as the picocli commands do, and leave anything unusual to
 * them.
 */
class CronRunIT {
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
  void checkSaysWhatPicocliSays() {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int viaPicocli = picocli(o, e, "check", "web", "--dry-run", "--root", root.toString());
    int direct = run("check", "web", "--dry-run", "--root", root.toString());
    assertThat(direct).isEqualTo(viaPicocli).isZero();
    assertThat(withoutTimes(out.toString())).isEqualTo(withoutTimes(o.toString()));
    assertThat(err.toString()).isEqualTo(e.toString()).isEmpty();
    assertThat(out.toString()).contains("PASS");
  }

  @Test
  void aBrokenUnrelatedSiteFileDoesNotStopTheCheck() throws Exception {
    write(
        "other.yaml", "id: other\nservice: {kind: command, restart: [\"/bin/true\"]\nprobes: [\n");
    write("wrong-name.yaml", "id: not-the-file-name\n");
    assertThat(run("check", "web", "--root", root.toString())).isZero();
    assertThat(out.toString()).contains("Health Check PASSED");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void theCompiledTargetFollowsItsFile() throws Exception {
    assertThat(run("check", "web", "--root", root.toString())).isZero();
    Path compiled = root.resolve(OneTarget.DIR.substring(1)).resolve("web");
    assertThat(compiled).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(compiled)))
        .isEqualTo("rw-------");
    write(
        "web.yaml",
        "id: web\n"
            + "service: {kind: command, restart: [\"/bin/true\"]}\n"
            + "probes:\n"
            + "  - {type: command, name: second, command: [\"/bin/true\"]}\n"
            + "policy: {retries: 1}\n");
    out.getBuffer().setLength(0);
    assertThat(run("check", "web", "--root", root.toString())).isZero();
    assertThat(out.toString()).contains("second").doesNotContain("first");
  }

  @Test
  void aDryRunKeepsNothing() {
    assertThat(run("check", "web", "--dry-run", "--root", root.toString())).isZero();
    assertThat(root.resolve(OneTarget.DIR.substring(1))).doesNotExist();
  }
}
