package org.watchdogmenu.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code apply} and {@code export} through the real jar with the real validators (cron rules,
 * visudo, systemd-analyze, logrotate, the catalog), in sandbox roots.
 */
class ApplyIT {
  private static final String TOKEN = "T000/B000/zz9SECRETzz9";
  private static final String URL = "https://hooks.slack.com/services/" + TOKEN;
  private static final String FILE =
      """
      version: 1
      targets:
        svc-web:
          extends: systemd-service
          service:
            unit: web.service
          policy:
            cooldown: 60s
      schedules:
        paqet-client:
          health: 5m
        svc-web:
          restart: 6h
      monitor: [svc-web]
      alerts:
        channels:
          - type: slack
            name: ops-slack
            url_env: SLACK_URL
      sudoers:
        - user: operator
          targets: [svc-web]
      linger: [operator]
      units:
        restart_policy: [web.service]
      """;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private Sandbox a;
  private Path file;

  @BeforeEach
  void setUp() throws Exception {
    a = sandbox("a");
    file = write("host.yaml", FILE);
  }

  private Sandbox sandbox(String name) throws Exception {
    Sandbox s = new Sandbox(Files.createDirectories(dir.resolve(name)));
    Files.createDirectories(s.path("/etc/cron.d"));
    Files.writeString(s.path("/etc/passwd"), "operator:x:1001:1001::/home/operator:/bin/sh\n");
    Files.writeString(s.path("/etc/group"), "operator:x:1001:\n");
    return s;
  }

  private Path write(String name, String text) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
    return f;
  }

  private Jar.Run apply(Sandbox s, Path f, String... more) throws Exception {
    List<String> args = new ArrayList<>(List.of("apply", f.toString(), "--json"));
    args.addAll(List.of(more));
    return Jar.run(s.root, Map.of("SLACK_URL", URL), args.toArray(String[]::new));
  }

  private static JsonNode json(Jar.Run r) throws Exception {
    assertThat(r.out().lines().count()).as(r.out()).isEqualTo(1);
    return JSON.readTree(r.out());
  }

  @Test
  void aSecondApplyChangesNothingAndTouchesNoFile() throws Exception {
    Jar.Run first = apply(a, file, "--diff");
    assertThat(first.exit()).as(first.out() + first.err()).isZero();
    JsonNode report = json(first);
    assertThat(report.get("changed").asBoolean()).isTrue();
    assertThat(report.get("problems")).isEmpty();
    assertThat(report.get("files").findValuesAsText("path"))
        .contains(
            "/etc/watchdog-menu/targets/svc-web.yaml",
            "/etc/cron.d/paqet-health-paqet-client",
            "/etc/cron.d/svc-restart-web",
            "/etc/watchdog-menu/monitor.yaml",
            "/etc/watchdog-menu/alerts.yaml",
            "/etc/sudoers.d/watchdog-menu-operator",
            "/etc/systemd/system/web.service.d/watchdog-menu.conf",
            "/var/lib/systemd/linger/operator",
            "/etc/logrotate.d/watchdog-menu");
    assertThat(report.get("files").findValuesAsText("action")).containsOnly("create");
    assertThat(Files.readString(a.path("/etc/watchdog-menu/alerts.yaml"))).contains(URL);
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(a.path("/etc/watchdog-menu/alerts.yaml"))))
        .isEqualTo("rw-------");

    Map<Path, FileTime> before = mtimes(a.root);
    Jar.Run second = apply(a, file);
    assertThat(second.exit()).as(second.out() + second.err()).isZero();
    assertThat(json(second).get("changed").asBoolean()).isFalse();
    assertThat(json(second).get("files")).isEmpty();
    assertThat(json(second).get("commands")).isEmpty();
    assertThat(mtimes(a.root)).isEqualTo(before);

    Jar.Run text = Jar.run(a.root, Map.of("SLACK_URL", URL), "apply", file.toString());
    assertThat(text.exit()).isZero();
    assertThat(text.out()).contains("Nothing to change").endsWith("changed: false\n");
    assertThat(mtimes(a.root)).isEqualTo(before);
  }

  @Test
  void whatTheFileNoLongerListsIsRemovedAndCheckWritesNothing() throws Exception {
    assertThat(apply(a, file).exit()).isZero();
    Path smaller =
        write(
            "smaller.yaml",
            FILE.replace("  svc-web:\n    restart: 6h\n", "")
                .replace("monitor: [svc-web]", "monitor: []")
                .replace(
                    "sudoers:\n  - user: operator\n    targets: [svc-web]\n", "sudoers: []\n"));

    Map<Path, FileTime> before = mtimes(a.root);
    Jar.Run check = apply(a, smaller, "--check");
    assertThat(check.exit()).as(check.out() + check.err()).isZero();
    JsonNode planned = json(check);
    assertThat(planned.get("check").asBoolean()).isTrue();
    assertThat(planned.get("changed").asBoolean()).isTrue();
    assertThat(planned.get("files").findValuesAsText("path"))
        .contains("/etc/cron.d/svc-restart-web", "/etc/sudoers.d/watchdog-menu-operator");
    assertThat(mtimes(a.root)).as("--check writes nothing").isEqualTo(before);

    Jar.Run removed = apply(a, smaller);
    assertThat(removed.exit()).as(removed.out() + removed.err()).isZero();
    assertThat(a.path("/etc/cron.d/svc-restart-web")).doesNotExist();
    assertThat(a.path("/etc/sudoers.d/watchdog-menu-operator")).doesNotExist();
    assertThat(a.path("/etc/cron.d/paqet-health-paqet-client")).exists();
    assertThat(Files.readString(a.path("/etc/watchdog-menu/monitor.yaml")))
        .doesNotContain("svc-web");
    assertThat(json(apply(a, smaller)).get("changed").asBoolean()).isFalse();
  }

  @Test
  void aBadFileIsRefusedInOneLineAndNothingIsWritten() throws Exception {
    Map<Path, FileTime> before = mtimes(a.root);
    Path bad = write("bad.yaml", FILE.replace("    health: 5m", "    health: 5 minutes"));
    Jar.Run r = apply(a, bad);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().lines().toList())
        .containsExactly(
            bad
                + " line 11: schedules.paqet-client.health: schedule '5 minutes' is not allowed:"
                + " write minutes (5m), hours (2h) or times of day (08:00,16:00,00:00)");
    JsonNode report = json(r);
    assertThat(report.get("changed").asBoolean()).isFalse();
    assertThat(report.get("problems").get(0).asText()).isEqualTo(r.err().strip());

    Jar.Run noSecret = Jar.run(a.root, Map.of(), "apply", file.toString());
    assertThat(noSecret.exit()).isEqualTo(2);
    assertThat(noSecret.err())
        .isEqualTo(
            file
                + " line 19: alerts.channels[0].url_env: the environment variable SLACK_URL is not"
                + " set: set it for the apply, or give the value with --secrets\n");
    assertThat(noSecret.out()).isEmpty();
    assertThat(mtimes(a.root)).isEqualTo(before);
  }

  @Test
  void anExportAppliedOnAFreshRootIsANoOpTheSecondTime() throws Exception {
    assertThat(apply(a, file).exit()).isZero();
    Jar.Run export = Jar.run(a.root, "export");
    assertThat(export.exit()).as(export.err()).isZero();
    assertThat(export.out())
        .doesNotContain(TOKEN)
        .contains("url_env: WATCHDOG_OPS_SLACK_URL")
        .contains("svc-web:");
    Path exported = write("exported.yaml", export.out());

    Sandbox b = sandbox("b");
    Map<String, String> env = Map.of("WATCHDOG_OPS_SLACK_URL", URL);
    Jar.Run first = Jar.run(b.root, env, "apply", exported.toString(), "--json");
    assertThat(first.exit()).as(first.out() + first.err()).isZero();
    assertThat(json(first).get("changed").asBoolean()).isTrue();
    assertThat(Files.readString(b.path("/etc/watchdog-menu/alerts.yaml"))).contains(URL);

    Map<Path, FileTime> before = mtimes(b.root);
    Jar.Run second = Jar.run(b.root, env, "apply", exported.toString(), "--json");
    assertThat(json(second).get("changed").asBoolean()).as(second.out()).isFalse();
    assertThat(mtimes(b.root)).isEqualTo(before);
    assertThat(Jar.run(b.root, "export").out())
        .isEqualTo(export.out().replace(a.root.toString(), b.root.toString()));
  }

  @Test
  void secretsNeverReachTheOutputThePlanOrTheRecords() throws Exception {
    Jar.Run diff = Jar.run(a.root, Map.of("SLACK_URL", URL), "apply", file.toString(), "--diff");
    assertThat(diff.exit()).as(diff.out() + diff.err()).isZero();
    assertThat(diff.out()).contains("alerts.yaml").doesNotContain(TOKEN);
    Jar.Run again = apply(a, file, "--diff");
    assertThat(again.out() + again.err()).doesNotContain(TOKEN);
    try (Stream<Path> files = Files.walk(a.path("/var/lib/watchdog-menu"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        if (!f.toString().contains("/backups/")) {
          assertThat(Files.readString(f)).as(f.toString()).doesNotContain(TOKEN);
        }
      }
    }
    assertThat(Files.readString(a.path("/var/lib/watchdog-menu/apply/owned")))
        .contains("channel ops-slack");
  }

  private static Map<Path, FileTime> mtimes(Path root) throws Exception {
    Map<Path, FileTime> all = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.toList()) {
        all.put(p, Files.getLastModifiedTime(p));
      }
    }
    return all;
  }
}
