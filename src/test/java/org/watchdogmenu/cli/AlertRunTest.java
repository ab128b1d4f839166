package org.watchdogmenu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a unit's OnFailure= runs ({@code alert --unit-failed UNIT}) reads its arguments without
 * picocli; it answers as the picocli command does (same lines, exit codes and target), and leaves
 * anything unusual to it.
 */
class AlertRunTest {
  @TempDir Path dir;

  /** One run's exit code and what it wrote. */
  private record Said(int exit, String out, String err) {}

  private static Path site(Path root, String alerts) throws Exception {
    Path targets = Files.createDirectories(root.resolve("etc/watchdog-menu/targets"));
    Files.writeString(
        targets.resolve("svc-web.yaml"),
        "id: svc-web\n"
            + "service: {kind: systemd, unit: web.service}\n"
            + "probes:\n"
            + "  - {type: tcp-listen, port: 8080}\n");
    if (alerts != null) {
      Path file = root.resolve("etc/watchdog-menu/alerts.yaml");
      Files.writeString(file, alerts);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
    return root;
  }

  private static Said direct(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int exit = WatchdogMenuCommand.run(new PrintWriter(o, true), new PrintWriter(e, true), args);
    return new Said(exit, o.toString(), e.toString());
  }

  private static Said picocli(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int exit =
        WatchdogMenuCommand.commandLine(new PrintWriter(o, true), new PrintWriter(e, true))
            .execute(args);
    return new Said(exit, o.toString(), e.toString());
  }

  /** The same run both ways, each on its own copy of the host (alerts keep a memory). */
  private Said both(String alerts, String... args) throws Exception {
    Path a = site(dir.resolve("a"), alerts);
    Path b = site(dir.resolve("b"), alerts);
    Said viaPicocli = plain(picocli(withRoot(a, args)), a);
    Said fast = plain(direct(withRoot(b, args)), b);
    assertThat(fast).isEqualTo(viaPicocli);
    return fast;
  }

  /** Without what differs between two hosts and two runs: the root's path and a channel's time. */
  private static Said plain(Said said, Path root) {
    return new Said(said.exit(), plain(said.out(), root), plain(said.err(), root));
  }

  private static String plain(String text, Path root) {
    return text.replace(root.toString(), "ROOT").replaceAll("[0-9]+ms\\)", "Nms)");
  }

  private static String[] withRoot(Path root, String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--root";
    all[args.length + 1] = root.toString();
    return all;
  }

  @Test
  void readsThePlainFormOnly() {
    assertThat(AlertRun.parse("alert", "--unit-failed", "web.service"))
        .hasValueSatisfying(a -> assertThat(a.unit()).isEqualTo("web.service"));
    assertThat(AlertRun.parse("--root", "/r", "alert", "--unit-failed=web", "--no-color"))
        .hasValueSatisfying(
            a -> {
              assertThat(a.unit()).isEqualTo("web");
              assertThat(a.root()).isEqualTo(Path.of("/r"));
            });
  }

  @Test
  void leavesEverythingElseToPicocli() {
    assertThat(AlertRun.parse()).isEmpty();
    assertThat(AlertRun.parse("alert")).isEmpty();
    assertThat(AlertRun.parse("alert", "--test")).isEmpty();
    assertThat(AlertRun.parse("alert", "--unit-failed")).isEmpty();
    assertThat(AlertRun.parse("alert", "--unit-failed", "--test")).isEmpty();
    assertThat(AlertRun.parse("alert", "--unit-failed", "a", "--unit-failed", "b")).isEmpty();
    assertThat(AlertRun.parse("alert", "--unit-failed", "a", "--help")).isEmpty();
    assertThat(AlertRun.parse("alert", "--unit-failed", "a", "extra")).isEmpty();
    assertThat(AlertRun.parse("alert", "add-channel", "--unit-failed", "a")).isEmpty();
    assertThat(AlertRun.parse("--unit-failed", "a", "alert")).isEmpty();
    assertThat(AlertRun.parse("check", "--unit-failed", "a")).isEmpty();
    assertThat(AlertRun.parse("alert", "--unit-failed", "@file")).isEmpty();
    assertThat(AlertRun.parse("alert", "--no-color=yes", "--unit-failed", "a")).isEmpty();
  }

  @Test
  void aUnitOfATargetAlertsUnderThatTargetAsPicocliDoes() throws Exception {
    String alerts = "channels:\n  - type: command\n    command: [/bin/true]\n";
    Said said = both(alerts, "alert", "--unit-failed", "web.service");
    assertThat(said.exit()).isZero();
    assertThat(said.out()).contains("svc-web").contains("delivered");
    assertThat(said.err()).isEmpty();
  }

  @Test
  void aRepeatInsideTheHourIsHeldBackAsPicocliHoldsIt() throws Exception {
    String alerts = "channels:\n  - type: command\n    command: [/bin/true]\n";
    Path root = site(dir.resolve("r"), alerts);
    Said first = direct(withRoot(root, "alert", "--unit-failed", "web"));
    Said fast = direct(withRoot(root, "alert", "--unit-failed", "web"));
    Said viaPicocli = picocli(withRoot(root, "alert", "--unit-failed", "web"));
    assertThat(first.exit()).isZero();
    assertThat(plain(fast, root)).isEqualTo(plain(viaPicocli, root));
    assertThat(fast.exit()).isZero();
    assertThat(fast.out()).contains("suppressed");
  }

  @Test
  void aUnitOfNoTargetIsNamedFromTheUnitAsPicocliNamesIt() throws Exception {
    Said said = both(null, "alert", "--unit-failed", "Mingus_Backend@2.service");
    assertThat(said.exit()).isEqualTo(1);
    assertThat(said.out()).contains("mingus-backend-2").contains("no channels");
  }

  @Test
  void aBrokenAlertsFileIsTheSameLine() throws Exception {
    Said said = both("channels: [\n", "alert", "--unit-failed", "web.service");
    assertThat(said.exit()).isEqualTo(2);
    assertThat(said.err()).startsWith("ROOT/etc/watchdog-menu/alerts.yaml line 1:");
    assertThat(said.out()).isEmpty();
  }

  @Test
  void aBadUnitNameIsLeftToPicocli() throws Exception {
    Said said = both(null, "alert", "--unit-failed", "a;b");
    assertThat(said.exit()).isEqualTo(2);
    assertThat(said.err().strip()).isEqualTo("'a;b' is not a unit name");
  }
}
