package org.watchdogmenu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar in a real terminal (tmux), driven by keys as a person over SSH would, against a
 * sandbox root: set up and remove a health check, a verdict written from outside that shows without
 * a key, and the TERM=dumb refusal.
 */
class TuiTmuxIT {
  private static final long WAIT = 20_000;

  @TempDir Path root;

  private String menu(String env) {
    return env
        + " java -Djava.awt.headless=true -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "
        + Jar.jar()
        + " --root "
        + root
        + "; echo EXIT=$?; sleep 30";
  }

  @Test
  void paqetServerHealthCheckEveryFiveMinutesThenDisable() throws Exception {
    Files.createDirectories(root.resolve("etc/cron.d"));
    Path cron = root.resolve("etc/cron.d/paqet-health-paqet-server");
    try (Tmux t = new Tmux("menu", 100, 30, menu("TERM=xterm-256color LANG=C.UTF-8 DISPLAY=:0"))) {
      t.await("1) Paqet tunnel", WAIT);
      t.keys("1");
      t.await("1) Server (foreign VPS)", WAIT);
      t.keys("1");
      String target =
          t.await(
              s -> s.contains("1) Health check (auto-restart)") && s.contains("[Not configured]"),
              WAIT,
              "the target screen, drawn whole");
      assertThat(target).contains("Paqet tunnel › Server");
      t.keys("1");
      t.await("2) Every 5 minutes - balanced (recommended)", WAIT);
      t.keys("2");
      t.await("Preview: nothing is written until you press a, then y.", WAIT);
      assertThat(cron).doesNotExist();
      t.keys("a");
      t.await("y yes, go ahead", WAIT);
      assertThat(cron).doesNotExist();
      t.keys("y");
      String after =
          t.await(
              s -> s.contains("[Every 5 minutes]") && s.contains("Applied:"),
              WAIT,
              "the health check every 5 minutes, applied");
      assertThat(after).contains("1) Health check (auto-restart)");
      assertThat(Files.readString(cron))
          .contains("*/5 * * * * root ")
          .contains("check paqet-server");

      t.keys("1");
      t.await("4) Disable (remove the health check)", WAIT);
      t.keys("4");
      t.await("remove  /etc/cron.d/paqet-health-paqet-server", WAIT);
      t.keys("a");
      t.await("y yes, go ahead", WAIT);
      t.keys("y");
      String disabled =
          t.await(
              s ->
                  s.contains("1) Health check (auto-restart)")
                      && s.contains("[Not configured]")
                      && s.contains("Applied:"),
              WAIT,
              "the health check not configured");
      assertThat(disabled).contains("Applied:");
      assertThat(cron).doesNotExist();

      t.keys("Escape");
      t.await("2) Client (local VPS)", WAIT);
      t.keys("q");
      String end = t.await("EXIT=", WAIT);
      assertThat(end).contains("EXIT=0");
    }
  }

  @Test
  void undoOnTheFirstScreenPutsTheScheduleBackThenRemovesIt() throws Exception {
    Files.createDirectories(root.resolve("etc/cron.d"));
    Path cron = root.resolve("etc/cron.d/paqet-health-paqet-server");
    try (Tmux t = new Tmux("undo", 100, 30, menu("TERM=xterm-256color LANG=C.UTF-8"))) {
      String first = t.await("u) Undo the last change", WAIT);
      assertThat(row(first, "u) Undo the last change")).contains("[not available]");
      t.keys("1");
      t.await("1) Server (foreign VPS)", WAIT);
      t.keys("1");
      t.await("1) Health check (auto-restart)", WAIT);
      t.keys("1");
      t.await("2) Every 5 minutes - balanced (recommended)", WAIT);
      t.keys("2");
      t.await("Preview: nothing is written until you press a, then y.", WAIT);
      t.keys("a");
      t.await("y yes, go ahead", WAIT);
      t.keys("y");
      t.await(s -> s.contains("[Every 5 minutes]") && s.contains("Applied:"), WAIT, "every 5");
      String every5 = Files.readString(cron);
      assertThat(every5).contains("*/5 * * * * root ");

      t.keys("1");
      t.await("3) Every 10 minutes", WAIT);
      t.keys("3");
      t.await("Preview: nothing is written until you press a, then y.", WAIT);
      t.keys("a");
      t.await("y yes, go ahead", WAIT);
      t.keys("y");
      t.await(s -> s.contains("[Every 10 minutes]") && s.contains("Applied:"), WAIT, "every 10");
      String every10 = Files.readString(cron);
      assertThat(every10).contains("*/10 * * * * root ").isNotEqualTo(every5);

      t.keys("Escape");
      t.await("2) Client (local VPS)", WAIT);
      t.keys("Escape");
      String again =
          t.await(
              s -> row(s, "u) Undo the last change").contains("health"),
              WAIT,
              "the last change named on the undo item");
      assertThat(row(again, "u) Undo the last change"))
          .contains("enable paqet-server --health")
          .doesNotContain("[not available]");
      t.keys("u");
      // the whole frame, not one caught half-drawn: its diff and the preview's own footer
      String undo =
          t.await(
              s ->
                  s.contains("Preview: nothing is written until you press a, then y.")
                      && s.contains("/etc/cron.d/paqet-health-paqet-server")
                      && s.replaceAll("[\\s│]+", " ").contains("+*/5 * * * * root ")
                      && s.contains("a apply"),
              WAIT,
              "the undo's preview, naming the file");
      assertThat(row(undo, "watchdog-menu ›")).endsWith("Undo");
      assertThat(undo.replaceAll("[\\s│]+", " "))
          .contains("undoes: watchdog-menu --root " + root + " enable paqet-server --health 10m")
          .contains("replace /etc/cron.d/paqet-health-paqet-server")
          .contains("-*/10 * * * * root ")
          .contains("+*/5 * * * * root ");
      assertThat(Files.readString(cron)).isEqualTo(every10);
      t.keys("a");
      t.await("y yes, go ahead", WAIT);
      assertThat(Files.readString(cron)).isEqualTo(every10);
      t.keys("y");
      String undone =
          t.await(
              s -> s.contains("Applied") && s.contains("Pick a system:"),
              WAIT,
              "the first screen after the undo");
      assertThat(undone).doesNotContain("Exception");
      assertThat(Files.readString(cron)).isEqualTo(every5);

      t.keys("u");
      t.await("Preview: nothing is written until you press a, then y.", WAIT);
      t.keys("a");
      t.await("y yes, go ahead", WAIT);
      t.keys("y");
      String removed =
          t.await(
              s ->
                  s.contains("Pick a system:")
                      && s.contains("Applied")
                      && row(s, "u) Undo the last change").contains("[not available]"),
              WAIT,
              "the undo applied and nothing more to undo");
      assertThat(removed).doesNotContain("Exception");
      assertThat(cron).doesNotExist();
      t.keys("q");
      assertThat(t.await("EXIT=", WAIT)).contains("EXIT=0");
    }
  }

  @Test
  void aFailingCheckRunFromOutsideShowsCriticalOnTheFirstScreenWithoutAKey() throws Exception {
    ownTarget("demo", "Demo", "    command: [\"/bin/false\"]\n");
    try (Tmux t = new Tmux("health", 100, 30, menu("TERM=xterm-256color LANG=C.UTF-8"))) {
      t.await(
          s -> row(s, "7) Your own targets").contains("[never checked, untracked"),
          WAIT,
          "the own target, never checked");

      Jar.Run check = Jar.run(root, "check", "demo", "--no-restart");
      assertThat(check.exit()).as(check.out() + check.err()).isEqualTo(2);
      assertThat(check.out()).contains("Health check FAIL");

      long refresh = 5_000;
      String after =
          t.await(
              s -> row(s, "7) Your own targets").contains("[CRITICAL "),
              refresh,
              "CRITICAL on the first screen, with no key pressed");
      assertThat(row(after, "7) Your own targets")).containsPattern("\\[CRITICAL \\d+s ago");
      assertThat(row(after, "1) Paqet tunnel")).contains("[never checked");
      t.keys("q");
      assertThat(t.await("EXIT=", WAIT)).contains("EXIT=0");
    }
  }

  @Test
  void aCheckStreamsCanBeLeftAndQuittingWaitsForItToEnd() throws Exception {
    ownTarget(
        "slow",
        "Slow",
        "    command: [\"/bin/sleep\", \"8\"]\n    expect_exit: [1]\n    timeout: 20s\n");
    Path log = root.resolve("var/log/slow-health.log");
    try (Tmux t = new Tmux("stream", 100, 30, menu("TERM=xterm-256color LANG=C.UTF-8"))) {
      t.await("7) Your own targets", WAIT);
      t.keys("7");
      t.await("4) Run a health check now (no restart)", WAIT);
      t.keys("4");
      String running =
          t.await(
              s ->
                  s.contains("=== Health Check Start: slow ===")
                      && s.contains("Checking… Esc leaves it running"),
              WAIT,
              "the check's first lines while its probe still runs");
      assertThat(running).doesNotContain("Result:");
      t.keys("Escape");
      t.await("goes on in the background", WAIT);
      assertThat(Files.readString(log)).doesNotContain("=== Health Check FAILED");
      t.keys("q");
      String end = t.await("EXIT=", WAIT);
      assertThat(end)
          .contains("watchdog-menu: waiting for the health check of slow to end")
          .contains("EXIT=0");
      assertThat(Files.readString(log)).contains("=== Health Check FAILED");
    }
  }

  /** A site target of a command service whose one command probe is {@code probe} (YAML lines). */
  private void ownTarget(String id, String title, String probe) throws IOException {
    Path file = root.resolve("etc/watchdog-menu/targets/" + id + ".yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        "id: "
            + id
            + "\ntitle: "
            + title
            + "\nservice:\n"
            + "  kind: command\n"
            + "  restart: [\"/bin/true\"]\n"
            + "probes:\n"
            + "  - type: command\n"
            + probe
            + "policy:\n"
            + "  retries: 1\n");
  }

  private static String row(String screen, String label) {
    for (String r : screen.split("\n")) {
      if (r.contains(label)) {
        return r;
      }
    }
    return "";
  }

  @Test
  void ctrlCQuitsAndLeavesTheTerminalAsItWas() throws Exception {
    String command =
        "TERM=xterm-256color LANG=C.UTF-8 java -Djava.awt.headless=true -jar "
            + Jar.jar()
            + " --root "
            + root
            + "; echo EXIT=$?; stty -a | tr -s ' ;' '\\n\\n' | grep -x -e icanon -e echo -e isig"
            + " | tr '\\n' ' '; echo; sleep 30";
    try (Tmux t = new Tmux("ctrlc", 100, 30, command)) {
      t.await("1) Paqet tunnel", WAIT);
      t.keys("1");
      t.await("1) Server (foreign VPS)", WAIT);
      t.keys("C-c");
      String end = t.await("isig icanon echo", WAIT);
      assertThat(end).contains("EXIT=0");
      assertThat(end).doesNotContain("Paqet tunnel");
    }
  }

  /** The menu started by {@code account} (not root), on the machine's root or on {@code root}. */
  private static String asAccount(SecondAccount account, String rootOption) {
    return "runuser -u "
        + account.name
        + " -- env TERM=xterm-256color LANG=C.UTF-8 java -Djava.awt.headless=true"
        + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "
        + Jar.jar()
        + rootOption
        + "; echo EXIT=$?; sleep 30";
  }

  @Test
  void notRootTheMenuIsReadOnlyOnEveryScreenAndPreviewsWithoutAnApplyKey() throws Exception {
    try (SecondAccount account = SecondAccount.create();
        Tmux t = new Tmux("readonly", 100, 30, asAccount(account, ""))) {
      String first = t.await("1) Paqet tunnel", WAIT);
      assertThat(first)
          .contains("READ-ONLY. Not root: you can look and preview; to change anything run sudo")
          .doesNotContain("Exception");
      t.keys("1");
      t.await("1) Server (foreign VPS)", WAIT);
      t.keys("1");
      t.await("1) Health check (auto-restart)", WAIT);
      t.keys("1");
      t.await("2) Every 5 minutes - balanced (recommended)", WAIT);
      t.keys("2");
      String preview =
          t.await("Preview only: this run is read-only; nothing can be applied.", WAIT);
      assertThat(preview)
          .contains("READ-ONLY. Not root")
          .contains("Plan: watchdog-menu enable paqet-server --health 5m")
          .contains("create  /etc/cron.d/paqet-health-paqet-server")
          .doesNotContain("a apply");
      t.keys("a");
      String refused = t.await("Not available in a read-only run.", WAIT);
      assertThat(refused).doesNotContain("y yes");
      t.keys("q");
      assertThat(t.await("EXIT=", WAIT)).contains("EXIT=0");
    }
  }

  @Test
  void aPreviewWorksForAnAccountThatCannotReadTheInstallersRecords() throws Exception {
    // a root of its own that the account can walk, holding a manifest only root may read
    Path shared = Files.createTempDirectory(Path.of("/tmp"), "wdm-readonly");
    try (SecondAccount account = SecondAccount.create()) {
      Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
      Path manifest = shared.resolve("var/lib/watchdog-menu/manifest.json");
      Files.createDirectories(manifest.getParent());
      Files.createDirectories(shared.resolve("etc/cron.d"));
      Files.writeString(manifest, "{\"version\":1,\"applies\":[]}\n");
      Files.setPosixFilePermissions(manifest, PosixFilePermissions.fromString("rw-------"));
      try (Tmux t = new Tmux("unreadable", 100, 30, asAccount(account, " --root " + shared))) {
        t.await("1) Paqet tunnel", WAIT);
        t.keys("1");
        t.await("1) Server (foreign VPS)", WAIT);
        t.keys("1");
        t.await("1) Health check (auto-restart)", WAIT);
        t.keys("1");
        t.await("2) Every 5 minutes - balanced (recommended)", WAIT);
        t.keys("2");
        t.await("Preview: nothing is written until you press a, then y.", WAIT);
        t.keys("End");
        String end =
            t.await(
                sc -> sc.replaceAll("\\s+", " ").contains("Same as the command:"),
                WAIT,
                "the end of the preview");
        assertThat(end.replaceAll("[\\s│]+", " "))
            .contains("manifest.json is root's and cannot be read here")
            .doesNotContain("Cannot make the plan");
        t.keys("q");
        assertThat(t.await("EXIT=", WAIT)).contains("EXIT=0");
      }
    } finally {
      try (var walk = Files.walk(shared)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void dumbTerminalGetsTheCommandsAndExit2() throws Exception {
    try (Tmux t = new Tmux("dumb", 100, 30, menu("TERM=dumb"))) {
      String s = t.await("EXIT=", WAIT);
      assertThat(s)
          .contains("the menu cannot draw on TERM=dumb")
          .contains("EXIT=2")
          .doesNotContain("Exception");
    }
  }
}
