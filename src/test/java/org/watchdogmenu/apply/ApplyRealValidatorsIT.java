package org.watchdogmenu.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.catalog.Catalog;
import org.watchdogmenu.install.Applier;
import org.watchdogmenu.install.Feature;
import org.watchdogmenu.install.Plan;
import org.watchdogmenu.install.PlanCommand;
import org.watchdogmenu.install.Planner;
import org.watchdogmenu.install.Schedule;

/** apply and export on temp roots: real validators, scripted systemctl and loginctl. */
class ApplyRealValidatorsIT {
  private static final String FULL =
      """
      version: 1
      targets:
        paqet-client:
          policy:
            cooldown: 60s
        svc-web:
          extends: systemd-service
          service:
            unit: web.service
      schedules:
        paqet-client:
          health: 5m
        svc-web:
          restart_at: "08:00,16:00"
      monitor: [svc-web]
      alerts:
        channels:
          - type: slack
            name: ops-slack
            url_secret: slack_url
      sudoers:
        - user: alice
          targets: [svc-web]
      linger: [ubuntu]
      units:
        restart_policy: [web.service]
      """;
  private static final String SECRET_URL = "https://hooks.slack.com/services/T000/B000/s3cr3tTOKEN";

  @TempDir Path dir;
  private Sandbox box;
  private Path secrets;

  @BeforeEach
  void setUp() throws IOException {
    box = new Sandbox(dir.resolve("a"));
    secrets = box.secrets("slack_url: " + SECRET_URL + "\n");
  }

  private void firstRunCommands(Sandbox b) {
    b.lingerWorks("ubuntu");
    b.scripted.expect("systemctl", "daemon-reload");
  }

  @Test
  void aFileIsAppliedOnceAndASecondApplyChangesNothing() throws IOException {
    firstRunCommands(box);
    Apply.Planned first = box.apply(FULL, Optional.of(secrets));
    box.scripted.verifyAllUsed();

    assertThat(first.plan().isEmpty()).isFalse();
    assertThat(Files.readString(box.at("/etc/watchdog-menu/targets/svc-web.yaml")))
        .startsWith("# Managed by watchdog-menu apply")
        .contains("id: svc-web\nextends: systemd-service\nservice:\n  unit: web.service\n");
    assertThat(Files.readString(box.at("/etc/watchdog-menu/targets/paqet-client.yaml")))
        .contains("cooldown: 60s");
    assertThat(cronFiles(box)).contains("paqet-health-paqet-client");
    assertThat(Files.readString(box.at("/etc/watchdog-menu/monitor.yaml"))).contains("svc-web");
    assertThat(Files.readString(box.at("/etc/watchdog-menu/alerts.yaml"))).contains(SECRET_URL);
    assertThat(Files.readString(box.at("/etc/sudoers.d/watchdog-menu-alice")))
        .contains("check svc-web");
    assertThat(Files.exists(box.at("/etc/systemd/system/web.service.d"))).isTrue();
    assertThat(Files.exists(box.at("/var/lib/systemd/linger/ubuntu"))).isTrue();

    Map<Path, FileTime> before = mtimes(box.dir);
    Apply.Planned second = box.apply(FULL, Optional.of(secrets));

    assertThat(second.plan().isEmpty()).as("second plan:\n%s", second.plan().preview()).isTrue();
    assertThat(mtimes(box.dir)).isEqualTo(before);
  }

  @Test
  void secretsNeverReachThePlanTheReportOrTheRecords() throws IOException {
    firstRunCommands(box);
    Apply.Planned first = box.apply(FULL, Optional.of(secrets));

    assertThat(first.plan().preview()).doesNotContain("s3cr3tTOKEN");
    assertThat(ApplyReport.json(first.plan(), false, true, List.of()))
        .doesNotContain("s3cr3tTOKEN");
    assertThat(ApplyReport.text(first.plan(), true)).doesNotContain("s3cr3tTOKEN");
    try (Stream<Path> files = Files.walk(box.at("/var/lib/watchdog-menu"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        if (!f.toString().contains("/backups/")) {
          assertThat(Files.readString(f)).as(f.toString()).doesNotContain("s3cr3tTOKEN");
        }
      }
    }
    assertThat(Export.of(box.host.root(), Catalog.load(box.host.root())))
        .doesNotContain("s3cr3tTOKEN")
        .contains("url_env: WATCHDOG_OPS_SLACK_URL");
  }

  @Test
  void whatTheFileNoLongerListsIsRemovedAndWhatOthersSetUpIsKept() throws IOException {
    // the menu (or 'enable') scheduled paqet-server's health check before any apply
    Planner planner = new Planner(box.host);
    Plan menu =
        planner.enable(
            Catalog.load(box.host.root()).target("paqet-server"),
            Feature.HEALTH,
            Schedule.parse("10m"));
    new Applier(box.host).apply(menu, new Applier.Options(false));
    firstRunCommands(box);
    box.apply(FULL, Optional.of(secrets));

    String smaller =
        """
        version: 1
        targets:
          paqet-client:
            policy:
              cooldown: 60s
        schedules:
          paqet-client:
            health: 5m
        monitor: []
        alerts:
          channels: []
        sudoers: []
        units:
          restart_policy: []
        """;
    box.scripted.expect("systemctl", "daemon-reload");
    Apply.Planned second = box.apply(smaller, Optional.of(secrets));
    box.scripted.verifyAllUsed();

    assertThat(Files.exists(box.at("/etc/watchdog-menu/targets/svc-web.yaml"))).isFalse();
    assertThat(cronFiles(box)).contains("paqet-health-paqet-client", "paqet-health-paqet-server");
    assertThat(cronFiles(box)).noneMatch(f -> f.contains("svc"));
    assertThat(Files.readString(box.at("/etc/watchdog-menu/monitor.yaml")))
        .doesNotContain("svc-web");
    assertThat(Files.readString(box.at("/etc/watchdog-menu/alerts.yaml")))
        .doesNotContain("ops-slack");
    assertThat(Files.exists(box.at("/etc/sudoers.d/watchdog-menu-alice"))).isFalse();
    assertThat(Files.exists(box.at("/etc/systemd/system/web.service.d/watchdog-menu.conf")))
        .isFalse();
    // linger has no section in the smaller file: left as it is
    assertThat(Files.exists(box.at("/var/lib/systemd/linger/ubuntu"))).isTrue();
    assertThat(second.plan().isEmpty()).isFalse();
    assertThat(box.apply(smaller, Optional.of(secrets)).plan().isEmpty()).isTrue();
  }

  @Test
  void badFilesAreOneLineNamingTheLineAndKeyAndNothingIsPlanned() throws IOException {
    Map<Path, FileTime> before = mtimes(box.dir);
    assertThatThrownBy(() -> box.apply("version: 1\nschedules:\n  paqet-client:\n    helth: 5m\n"))
        .isInstanceOf(ApplyFileException.class)
        .hasMessage(
            "host.yaml line 4: schedules.paqet-client.helth: unknown key: use health, restart,"
                + " restart_at (see 'watchdog-menu help apply')");
    assertThatThrownBy(() -> box.apply("version: 1\nschedules:\n  paqet-client:\n    health: 7x\n"))
        .hasMessageStartingWith("host.yaml line 4: schedules.paqet-client.health: schedule '7x'");
    assertThatThrownBy(() -> box.apply("version: 1\nmonitor:\n  - nope\n"))
        .hasMessage(
            "host.yaml line 3: monitor[0]: unknown target 'nope': run 'watchdog-menu list' to see"
                + " the targets");
    assertThatThrownBy(
            () ->
                box.apply(
                    "version: 1\nalerts:\n  channels:\n    - type: slack\n      name: s\n"
                        + "      url_env: NOT_SET_ANYWHERE\n"))
        .hasMessage(
            "host.yaml line 6: alerts.channels[0].url_env: the environment variable"
                + " NOT_SET_ANYWHERE is not set: set it for the apply, or give the value with"
                + " --secrets");
    assertThatThrownBy(() -> box.apply("targets: {}\n"))
        .hasMessage("host.yaml line 1: version: 1 is missing: add it as the first line");
    assertThatThrownBy(
            () ->
                box.apply(
                    "version: 1\ntargets:\n  svc-x:\n    extends: systemd-service\n    policy:\n      retries: 0\n"))
        .hasMessageStartingWith("host.yaml line 3: targets.svc-x: ")
        .hasMessageContaining("retries");
    assertThatThrownBy(() -> box.apply("version: 1\nlinger: [\"bad user\"]\n"))
        .hasMessageStartingWith("host.yaml line 2: linger[0]: ");
    assertThat(mtimes(box.dir)).isEqualTo(before);
  }

  @Test
  void anExportAppliedOnAFreshRootChangesNothingTheSecondTime() throws IOException {
    firstRunCommands(box);
    box.apply(FULL, Optional.of(secrets));
    String exported = Export.of(box.host.root(), Catalog.load(box.host.root()));
    assertThat(exported)
        .contains("WATCHDOG_OPS_SLACK_URL  (channel ops-slack, url)")
        .contains("restart_at: \"08:00,16:00\"");

    Sandbox fresh = new Sandbox(dir.resolve("b"));
    firstRunCommands(fresh);
    Apply first =
        Apply.of(
            "export.yaml",
            exported,
            Map.of("WATCHDOG_OPS_SLACK_URL", SECRET_URL),
            Optional.empty());
    Apply.Planned planned = first.plan(fresh.host);
    new Applier(fresh.host).apply(planned.plan(), new Applier.Options(false));
    planned.record();
    fresh.scripted.verifyAllUsed();

    Map<Path, FileTime> before = mtimes(fresh.dir);
    Plan again = first.plan(fresh.host).plan();
    assertThat(again.isEmpty()).as("second plan:\n%s", again.preview()).isTrue();
    assertThat(mtimes(fresh.dir)).isEqualTo(before);
    assertThat(Export.of(fresh.host.root(), Catalog.load(fresh.host.root())))
        .isEqualTo(exported.replace(box.dir.toString(), fresh.dir.toString()));
  }

  @Test
  void aSecretsFileOthersCanReadIsRefused() throws IOException {
    Files.setPosixFilePermissions(
        secrets, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> box.apply(FULL, Optional.of(secrets)))
        .isInstanceOf(ApplyFileException.class)
        .hasMessage(
            "refusing secrets file "
                + secrets
                + ": others can read it (mode 0644); run chmod 600 "
                + secrets);
    assertThat(box.at("/etc/watchdog-menu")).doesNotExist();
  }

  @Test
  void unitCommandsRunOnlyWhenTheirFilesChange() throws IOException {
    box.scripted.expect("systemctl", "daemon-reload");
    box.apply("version: 1\nunits:\n  restart_policy: [web.service]\n");
    box.scripted.verifyAllUsed();
    Plan again =
        Apply.of(
                "h",
                "version: 1\nunits:\n  restart_policy: [web.service]\n",
                Map.of(),
                Optional.empty())
            .plan(box.host)
            .plan();
    assertThat(again.commands()).extracting(PlanCommand::argv).isEmpty();
  }

  private static List<String> cronFiles(Sandbox b) throws IOException {
    try (Stream<Path> s = Files.list(b.at("/etc/cron.d"))) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static Map<Path, FileTime> mtimes(Path root) throws IOException {
    Map<Path, FileTime> all = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.toList()) {
        all.put(p, Files.getLastModifiedTime(p));
      }
    }
    return all;
  }
}
