package org.watchdogmenu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.catalog.Catalog;
import org.watchdogmenu.engine.CheckReport;
import org.watchdogmenu.engine.LastResults;
import org.watchdogmenu.engine.Outcome;
import org.watchdogmenu.install.Feature;
import org.watchdogmenu.install.FileWrite;
import org.watchdogmenu.install.Planner;
import org.watchdogmenu.install.Schedule;
import org.watchdogmenu.model.ServiceKind;
import org.watchdogmenu.model.SystemdService;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.MutableClock;
import org.watchdogmenu.os.ScriptedCommandRunner;
import org.watchdogmenu.os.TestHosts;
import picocli.CommandLine;

/** {@code status}: the table fits the terminal, says whether services run, colours on a tty. */
class StatusCommandTest {
  private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
  private static final String LONG_ID =
      "reverse-proxy-of-the-camera-platform-in-the-second-datacenter";
  private static final String SHOW =
      "--property=LoadState,ActiveState,SubState,ActiveEnterTimestamp";

  @TempDir Path root;
  private final MutableClock clock = new MutableClock(NOW);
  private final ScriptedCommandRunner runner = new ScriptedCommandRunner();
  private final Map<String, String> env = new HashMap<>(Map.of("LANG", "C.UTF-8"));
  private boolean terminal;

  @BeforeEach
  void aSiteTargetWithALongId() throws Exception {
    Path dir = new HostRoot(root).resolve(Catalog.SITE_DIR);
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve(LONG_ID + ".yaml"),
        "id: "
            + LONG_ID
            + "\ntitle: The reverse proxy in front of the camera platform, second site\n"
            + "service:\n  kind: systemd\n  unit: camera-proxy.service\n"
            + "probes: [{type: active}]\n");
  }

  /** Every systemd target of the catalog answers {@code systemctl show}, running or not. */
  private void services(String activeState) {
    for (Target t : Catalog.load(new HostRoot(root)).targets()) {
      if (t.service().kind() == ServiceKind.SYSTEMD) {
        runner
            .expect(
                "systemctl",
                "show",
                ((SystemdService) t.service()).unit(),
                SHOW,
                "--timestamp=unix")
            .prints(
                "LoadState=loaded\nActiveState="
                    + activeState
                    + "\nSubState=running\nActiveEnterTimestamp=@"
                    + (NOW.getEpochSecond() - 7200)
                    + "\n");
      }
    }
  }

  private void lastResult(String id, Outcome outcome, Duration ago) throws Exception {
    new LastResults(new HostRoot(root))
        .save(id, new CheckReport(NOW.minus(ago), outcome, "Health check said so"));
  }

  private String status(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = WatchdogMenuCommand.commandLine(new PrintWriter(out), new PrintWriter(err));
    StatusCommand status = cli.getSubcommands().get("status").getCommand();
    status.host = TestHosts.scripted(root, runner, clock);
    status.env = env;
    status.terminal = terminal;
    String[] all = new String[args.length + 3];
    all[0] = "--root";
    all[1] = root.toString();
    all[2] = "status";
    System.arraycopy(args, 0, all, 3, args.length);
    int exit = cli.execute(all);
    assertThat(exit).as(out + "\n" + err).isZero();
    runner.verifyAllUsed();
    return out.toString();
  }

  @Test
  void theTableFitsEightyColumnsAndCutsLongValuesWithAnEllipsis() throws Exception {
    services("active");
    lastResult(LONG_ID, Outcome.CRITICAL, Duration.ofSeconds(35));
    String out = status();
    List<String> lines = out.lines().toList();
    assertThat(lines).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(80));
    assertThat(lines.get(0)).startsWith("TARGET").contains("SERVICE", "LAST CHECK", "SCHEDULE");
    assertThat(out)
        .containsPattern("\nreverse-proxy-of-the[a-z-]*… ")
        .doesNotContain(LONG_ID)
        .contains("CRITICAL 35s ago")
        .contains("never checked")
        .contains("running")
        .contains("0/5 ready")
        .doesNotContain("HEALTH CHECK");
    // the short timeout: status never waits long for a service manager
    assertThat(runner.seen())
        .allSatisfy(c -> assertThat(c.timeout()).isLessThanOrEqualTo(Duration.ofSeconds(3)));
  }

  @Test
  void columnsFollowDollarColumnsAndAreNeverWiderThanNeeded() throws Exception {
    env.put("COLUMNS", "60");
    services("active");
    List<String> narrow = status().lines().toList();
    assertThat(narrow).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(60));

    env.put("COLUMNS", "300");
    services("active");
    List<String> roomy = status().lines().toList();
    int widest = roomy.stream().mapToInt(String::length).max().orElseThrow();
    assertThat(widest).isLessThan(300);
    assertThat(String.join("\n", roomy)).contains(LONG_ID).doesNotContain("…");
  }

  /** Writes the cron file {@code enable TARGET --health/--restart WHEN} would write. */
  private void enable(String id, Feature feature, String when) throws Exception {
    Target t = Catalog.load(new HostRoot(root)).target(id);
    var plan =
        new Planner(TestHosts.scripted(root, runner, clock))
            .enable(t, feature, Schedule.parse(when));
    for (FileWrite w : plan.writes()) {
      Path file = new HostRoot(root).resolve(w.path());
      Files.createDirectories(file.getParent());
      Files.write(file, w.content());
    }
  }

  @Test
  void theSchedulesShareOneCompactColumnAndWideSpellsThemOut() throws Exception {
    enable("paqet-server", Feature.HEALTH, "5m");
    enable("paqet-server", Feature.RESTART, "1h");
    enable("paqet-client", Feature.RESTART, "08:00,16:00,00:00");
    services("active");
    String out = status();
    assertThat(out)
        .containsPattern("\npaqet-server .* health 5m, restart 1h ")
        .containsPattern("\npaqet-client .* restart 00:00,08:00,1… ")
        .containsPattern("\nicmptunnel-server .* none ");

    services("active");
    assertThat(status("--wide"))
        .containsPattern("\npaqet-server .* Every 5 minutes +Every 1 hour +off ")
        .contains("Daily at 00:00, 08:00, 16:00");
  }

  @Test
  void theRestartsColumnSaysTheCooldownAndTheCapInShort() throws Exception {
    long now = NOW.getEpochSecond();
    Path state =
        new HostRoot(root)
            .resolve(Catalog.load(new HostRoot(root)).target("paqet-server").paths().state());
    Files.createDirectories(state.getParent());
    Files.writeString(state, (now - 80) + " health\n");
    services("active");
    assertThat(status()).containsPattern("\\npaqet-server .* 1/5 cooldown 40s\\n");

    Files.writeString(
        state,
        (now - 3000)
            + " health\n"
            + (now - 2400)
            + " health\n"
            + (now - 1800)
            + " cron\n"
            + (now - 1200)
            + " health\n"
            + (now - 600)
            + " health\n");
    services("active");
    assertThat(status()).containsPattern("\\npaqet-server .* 5/5 limit 10m\\n");
  }

  @Test
  void wideShowsEveryColumnUncut() throws Exception {
    services("active");
    lastResult("paqet-server", Outcome.OK, Duration.ofMinutes(2));
    String out = status("--wide");
    assertThat(out.lines().findFirst().orElseThrow())
        .contains(
            "TARGET", "SERVICE", "LAST CHECK", "HEALTH CHECK", "RESTART", "MONITOR", "PROTECTION");
    assertThat(out)
        .contains(LONG_ID)
        .contains("OK 2m ago")
        .contains("Not configured")
        .contains("0/5 restarts per hour, ready")
        .doesNotContain("…");
  }

  @Test
  void aServiceThatIsStoppedOrCannotBeAskedSaysSo() throws Exception {
    services("failed");
    String stopped = status();
    assertThat(stopped).containsPattern("paqet-server +stopped ");
    assertThat(stopped.lines().filter(l -> l.contains(" running "))).isEmpty();

    for (Target t : Catalog.load(new HostRoot(root)).targets()) {
      if (t.service().kind() == ServiceKind.SYSTEMD) {
        runner
            .expect(
                "systemctl",
                "show",
                ((SystemdService) t.service()).unit(),
                SHOW,
                "--timestamp=unix")
            .timesOut();
      }
    }
    String unknown = status();
    assertThat(unknown.lines().filter(l -> l.startsWith("paqet-server")).findFirst().orElseThrow())
        .containsPattern("paqet-server +\\? ");
    // a command service without a status command cannot be asked at all
    assertThat(unknown).containsPattern("camera-platform +untracked");
  }

  @Test
  void noColourWhenNotATerminalNorWithNoColor() throws Exception {
    lastResult(LONG_ID, Outcome.CRITICAL, Duration.ofSeconds(35));
    lastResult("paqet-server", Outcome.OK, Duration.ofMinutes(2));

    terminal = false;
    services("active");
    assertThat(status()).doesNotContain("\u001b[");

    terminal = true;
    services("active");
    String coloured = status();
    assertThat(coloured)
        .contains("\u001b[31mCRITICAL 35s ago\u001b[0m")
        .contains("\u001b[32mOK 2m ago\u001b[0m");
    // colours do not count as width
    assertThat(coloured.replaceAll("\u001b\\[[0-9]*m", "").lines())
        .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));

    env.put("NO_COLOR", "1");
    services("active");
    assertThat(status()).doesNotContain("\u001b[");

    env.remove("NO_COLOR");
    services("active");
    assertThat(status("--no-color")).doesNotContain("\u001b[");
  }

  @Test
  void theDetailedViewSaysWhetherItRunsAndHowLongAgoTheLastCheckWas() throws Exception {
    lastResult("paqet-server", Outcome.WARNING, Duration.ofMinutes(2));
    runner
        .expect("systemctl", "show", "paqet-server", SHOW, "--timestamp=unix")
        .prints(
            "LoadState=loaded\nActiveState=active\nSubState=running\nActiveEnterTimestamp=@"
                + (NOW.getEpochSecond() - 7200)
                + "\n");
    String out = status("paqet-server");
    assertThat(out)
        .contains("  Running:       running since 2026-03-02T10:00:00Z (2h ago)")
        .contains(
            "  Last check:    WARNING at 2026-03-02T11:58:00Z (2m ago): Health check said so");

    runner
        .expect("systemctl", "show", "camera-proxy.service", SHOW, "--timestamp=unix")
        .prints("LoadState=loaded\nActiveState=inactive\nSubState=dead\n");
    assertThat(status(LONG_ID))
        .contains("  Running:       stopped (inactive (dead))")
        .contains("  Last check:    never checked");
  }

  @Test
  void jsonHasTheServiceStateBesideTheFieldsItHad() throws Exception {
    runner
        .expect("systemctl", "show", "paqet-server", SHOW, "--timestamp=unix")
        .prints(
            "LoadState=loaded\nActiveState=active\nSubState=running\nActiveEnterTimestamp=@"
                + (NOW.getEpochSecond() - 7200)
                + "\n");
    String json = status("paqet-server", "--json");
    assertThat(json)
        .contains("\"service\" : \"systemd paqet-server\"")
        .contains("\"service_state\" : {")
        .contains("\"state\" : \"active\"")
        .contains("\"running\" : true")
        .contains("\"since\" : \"2026-03-02T10:00:00Z\"")
        .contains("\"health_check\"")
        .contains("\"restarts\"")
        .contains("\"last_check\" : null");
  }
}
