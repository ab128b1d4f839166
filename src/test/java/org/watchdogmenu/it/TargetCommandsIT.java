package org.watchdogmenu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code target set} and {@code target add} through the real jar, in a sandbox root. */
class TargetCommandsIT {
  private static final String WATERWALL = "/etc/watchdog-menu/targets/waterwall-client.yaml";
  private static final String WEB = "/etc/watchdog-menu/targets/svc-web.yaml";

  @TempDir Path dir;
  private Sandbox sandbox;

  @BeforeEach
  void setUp() throws Exception {
    sandbox = new Sandbox(Files.createDirectories(dir.resolve("root")));
  }

  private Jar.Run run(String... args) throws Exception {
    return Jar.run(sandbox.root, args);
  }

  @Test
  void setWritesOnlyTheChangedKeysAndUndoTakesTheFileAway() throws Exception {
    Jar.Run set =
        run("target", "set", "waterwall-client", "probes.1.port=2053", "policy.cooldown=60s");

    assertThat(set.exit()).as(set.out() + set.err()).isZero();
    assertThat(set.out())
        .contains(
            "Plan: watchdog-menu --root "
                + sandbox.root
                + " target set waterwall-client probes.1.port=2053 policy.cooldown=60s")
        .contains("+    port: 2053")
        .contains("wrote   " + WATERWALL);
    Path file = sandbox.path(WATERWALL);
    assertThat(Files.readString(file))
        .startsWith("# Managed by watchdog-menu")
        .contains("id: waterwall-client\n", "    port: 2053\n", "policy:\n  cooldown: 60s\n")
        .doesNotContain("unit:");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-r--r--");
    assertThat(run("doctor").exit()).isZero();
    Jar.Run again = run("target", "set", "waterwall-client", "probes.1.port=2053");
    assertThat(again.out()).contains("Nothing to change");

    Jar.Run undo = run("undo");
    assertThat(undo.exit()).as(undo.out() + undo.err()).isZero();
    assertThat(file).doesNotExist();
  }

  @Test
  void addWritesANewTargetThatTheCatalogLists() throws Exception {
    Jar.Run add =
        run(
            "target",
            "add",
            "svc-web",
            "extends=systemd-service",
            "title=Web backend",
            "service.unit=web.service",
            "probes.1.type=http",
            "probes.1.url=http://127.0.0.1:8000/health");

    assertThat(add.exit()).as(add.out() + add.err()).isZero();
    assertThat(add.out()).contains("'title=Web backend'").contains("create  " + WEB);
    assertThat(Files.readString(sandbox.path(WEB)))
        .contains("extends: systemd-service\n", "  unit: web.service\n")
        .contains("  - type: active\n", "  - type: http\n");
    Jar.Run list = run("list");
    assertThat(list.out()).contains("svc-web").contains("systemd web.service");
    Jar.Run taken = run("target", "add", "svc-web", "extends=systemd-service");
    assertThat(taken.exit()).isEqualTo(2);
    assertThat(taken.err().strip())
        .isEqualTo(
            "'svc-web' is already a target: pick another id, or change it with 'watchdog-menu target"
                + " set svc-web KEY=VALUE'");
  }

  @Test
  void noGraceAndRetryingAtOnceAreSettingsButNoCooldownIsNot() throws Exception {
    Jar.Run set =
        run("target", "set", "waterwall-client", "policy.grace=0s", "policy.retry_delay=0s");
    assertThat(set.exit()).as(set.out() + set.err()).isZero();
    assertThat(Files.readString(sandbox.path(WATERWALL)))
        .contains("policy:\n  grace: 0s\n  retry_delay: 0s\n");
    assertThat(run("doctor").exit()).isZero();
    Jar.Run status = run("status", "waterwall-client");
    assertThat(status.exit()).as(status.out() + status.err()).isZero();

    Jar.Run zero = run("target", "set", "waterwall-client", "policy.cooldown=0s");
    assertThat(zero.exit()).as(zero.out() + zero.err()).isEqualTo(2);
    assertThat(zero.err().strip()).endsWith("'policy.cooldown' must be longer than 0, not 0s");
  }

  @Test
  void aDryRunShowsTheFileAndWritesNothing() throws Exception {
    String before = sandbox.snapshot();
    Jar.Run dry = run("target", "set", "paqet-client", "policy.retries=4", "--dry-run");
    assertThat(dry.exit()).as(dry.out() + dry.err()).isZero();
    assertThat(dry.out()).contains("+  retries: 4").contains("Dry run: nothing was changed.");
    assertThat(sandbox.snapshot()).isEqualTo(before);
  }

  @Test
  void badInputIsOneLineWithExitTwoAndWritesNothing() throws Exception {
    sandbox.target(
        "svc-app", "# ours\nid: svc-app\nextends: systemd-service\nservice:\n  unit: app\n");
    String before = sandbox.snapshot();
    String[][] bad = {
      {"set", "waterwall-client", "probes.1.port=70000"},
      {"set", "waterwall-client", "policy.cooldown=5x"},
      {"set", "waterwall-client", "policy.coldown=5m"},
      {"set", "svc-app", "service.user=no body"},
      {"set", "svc-app", "probes.4.port=1"},
      {"set", "no-such-target", "title=x"},
      {"set", "waterwall-client", "cooldown"},
      {"add", "Web_1", "extends=systemd-service"},
      {"add", "svc-new", "extends=no-such-template"},
      {"add", "svc-new", "extends=systemd-service"}
    };
    for (String[] args : bad) {
      String[] all = new String[args.length + 1];
      all[0] = "target";
      System.arraycopy(args, 0, all, 1, args.length);
      Jar.Run r = run(all);
      String what = String.join(" ", args);
      assertThat(r.exit()).as(what + ": " + r.out() + r.err()).isEqualTo(2);
      assertThat(r.out()).as(what).isEmpty();
      assertThat(r.err().strip())
          .as(what)
          .isNotEmpty()
          .doesNotContain("\n")
          .doesNotContain("Exception");
    }
    assertThat(run("target", "set", "waterwall-client", "probes.1.port=70000").err().strip())
        .isEqualTo(WATERWALL + " line 9: 'probes[1].port' must be between 1 and 65535, not 70000");
    assertThat(sandbox.snapshot()).isEqualTo(before);
  }
}
