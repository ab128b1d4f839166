package org.watchdogmenu.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.watchdogmenu.model.ActiveProbeSpec;
import org.watchdogmenu.model.CommandService;
import org.watchdogmenu.model.DockerService;
import org.watchdogmenu.model.KillStuckSpec;
import org.watchdogmenu.model.Pm2Service;
import org.watchdogmenu.model.ServiceSpec;
import org.watchdogmenu.model.SystemdService;
import org.watchdogmenu.model.SystemdUserService;
import org.watchdogmenu.model.Target;

/**
 * Each service kind is read from {@code service: {kind: ...}} into its own record, holding only its
 * keys; a key of another kind is one line naming file, line and key.
 */
class ServiceKindsTest {
  private static final String FILE = "/etc/watchdog-menu/targets/web.yaml";

  @TempDir Path root;

  /** The service of a site target {@code web} with these lines under {@code service:}. */
  private ServiceSpec service(String lines) {
    Sites.write(root, "web.yaml", "id: web\nservice:\n" + lines + "probes: [{type: active}]\n");
    Catalog catalog = Sites.load(root);
    assertThat(catalog.problems()).isEmpty();
    return catalog.target("web").service();
  }

  private String problem(String lines) {
    return Sites.problemOf(
        root, "web.yaml", "id: web\nservice:\n" + lines + "probes: [{type: active}]\n");
  }

  /** Every kind with every key it takes, as YAML and as the record the catalog must make. */
  static Stream<Arguments> everyKindWithAllItsKeys() {
    return Stream.of(
        Arguments.of(
            """
              kind: systemd
              unit: web.service
              recovery: [[/usr/bin/true]]
              kill_stuck: {process: web}
            """,
            new SystemdService(
                "web.service",
                List.of(List.of("/usr/bin/true")),
                new KillStuckSpec(null, "web", null))),
        Arguments.of(
            """
              kind: systemd-user
              unit: web.service
              user: www-data
              kill_stuck: {pid_file: /run/web.pid, term_wait: 5s}
            """,
            new SystemdUserService(
                "web.service",
                "www-data",
                List.of(),
                new KillStuckSpec("/run/web.pid", null, Duration.ofSeconds(5)))),
        Arguments.of(
            """
              kind: pm2
              app: api
              user: ubuntu
              ecosystem: /home/ubuntu/api/ecosystem.config.js
              env: staging
              pm2: /usr/local/bin/pm2
              recovery: [[/usr/local/bin/pm2, kill]]
            """,
            new Pm2Service(
                "api",
                "ubuntu",
                "/home/ubuntu/api/ecosystem.config.js",
                "staging",
                "/usr/local/bin/pm2",
                List.of(List.of("/usr/local/bin/pm2", "kill")),
                null)),
        Arguments.of(
            """
              kind: docker
              container: kms
            """,
            new DockerService("kms")),
        Arguments.of(
            """
              kind: command
              restart: [/opt/web/restart.sh, --now]
              status: [/opt/web/status.sh]
              user: www-data
              workdir: /opt/web
              pid_file: /run/web/web.pid
              recovery: [[/opt/web/reset.sh]]
              kill_stuck: {pid_file: /run/web/web.pid}
            """,
            new CommandService(
                List.of("/opt/web/restart.sh", "--now"),
                List.of("/opt/web/status.sh"),
                "www-data",
                "/opt/web",
                "/run/web/web.pid",
                List.of(List.of("/opt/web/reset.sh")),
                new KillStuckSpec("/run/web/web.pid", null, null))));
  }

  @ParameterizedTest
  @MethodSource("everyKindWithAllItsKeys")
  void eachKindIsReadIntoItsOwnRecord(String lines, ServiceSpec expected) {
    assertThat(service(lines)).isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource("everyKindWithAllItsKeys")
  void eachKindIsCompiledAndReadBackWhole(String lines, ServiceSpec expected)
      throws java.io.IOException {
    Target target = Sites.load(root).target("paqet-server");
    Target t =
        new Target(
            "web",
            "Web",
            "custom",
            null,
            null,
            expected,
            List.of(new ActiveProbeSpec(null, null)),
            target.policy(),
            null);
    assertThat(TargetCodec.decode(TargetCodec.encode(t))).isEqualTo(t);
    // and as the catalog read it from its file
    Target read = Sites.load(writeSite(lines)).target("web");
    assertThat(TargetCodec.decode(TargetCodec.encode(read))).isEqualTo(read);
  }

  private Path writeSite(String lines) {
    Sites.write(root, "web.yaml", "id: web\nservice:\n" + lines + "probes: [{type: active}]\n");
    return root;
  }

  @Test
  void theKindsDefaultsAreTheModels() {
    assertThat(service("  kind: pm2\n  app: api\n"))
        .isEqualTo(new Pm2Service("api", null, null, "production", "pm2", List.of(), null));
  }

  static Stream<Arguments> keysOfAnotherKind() {
    return Stream.of(
        Arguments.of(
            "  kind: systemd\n  unit: web.service\n  app: web\n",
            5,
            "unknown key 'app' in service: a systemd service's keys are"),
        Arguments.of(
            "  kind: systemd\n  unit: web.service\n  user: www-data\n",
            5,
            "unknown key 'user' in service: a systemd service's keys are"),
        Arguments.of(
            "  kind: systemd-user\n  unit: web.service\n  user: www\n  restart: [/bin/true]\n",
            6,
            "unknown key 'restart' in service: a systemd-user service's keys are"),
        Arguments.of(
            "  kind: pm2\n  app: api\n  container: api\n",
            5,
            "unknown key 'container' in service: a pm2 service's keys are"),
        Arguments.of(
            "  kind: docker\n  container: kms\n  unit: kms.service\n",
            5,
            "unknown key 'unit' in service: a docker service's keys are"),
        Arguments.of(
            "  kind: command\n  restart: [/bin/true]\n  ecosystem: /x.js\n",
            5,
            "unknown key 'ecosystem' in service: a command service's keys are"));
  }

  @ParameterizedTest
  @MethodSource("keysOfAnotherKind")
  void aKeyOfAnotherKindIsOneLineNamingFileLineAndKey(String lines, int line, String start) {
    assertThat(problem(lines))
        .startsWith(FILE + " line " + line + ": " + start)
        .doesNotContain("\n");
  }

  @Test
  void theKeysOfTheKindAreListed() {
    assertThat(problem("  kind: docker\n  container: kms\n  unit: kms.service\n"))
        .isEqualTo(
            FILE
                + " line 5: unknown key 'unit' in service: a docker service's keys are container,"
                + " kill_stuck, kind, recovery");
  }

  @Test
  void aMistypedKeyOfTheKindNamesTheNearestOne() {
    assertThat(problem("  kind: systemd\n  units: web.service\n"))
        .isEqualTo(FILE + " line 4: unknown key 'units' in service (did you mean 'unit'?)");
  }

  @Test
  void aServiceWithoutAKindSaysWhichKindsThereAre() {
    assertThat(problem("  unit: web.service\n"))
        .isEqualTo(
            FILE
                + " line 2: 'service.kind' is missing: it must be one of systemd, systemd-user,"
                + " pm2, docker, command");
  }

  @Test
  void aPidFileOnAnotherKindSaysItIsForACommandService() {
    assertThat(problem("  kind: systemd\n  unit: web.service\n  pid_file: /run/web.pid\n"))
        .isEqualTo(
            FILE
                + " line 5: 'service.pid_file' is for a command service: a systemd service's start"
                + " time comes from its own manager; take the key away");
  }

  @Test
  void aSiteFileThatChangesTheKindDoesNotInheritTheKeysOfTheOldOne() {
    Sites.write(
        root,
        "paqet-client.yaml",
        """
        id: paqet-client
        service:
          kind: command
          restart: [/bin/true]
          user: www-data
        """);

    Catalog catalog = Sites.load(root);

    assertThat(catalog.problems()).isEmpty();
    assertThat(catalog.target("paqet-client").service())
        .isEqualTo(new CommandService(List.of("/bin/true"), "www-data"));
  }

  @Test
  void aSiteFileThatChangesTheKindKeepsWhatBothKindsTake() {
    // the shipped camera platform is a command service run as satinder, in its folder
    Sites.write(
        root,
        "camera-platform.yaml",
        """
        id: camera-platform
        service:
          kind: systemd-user
          unit: camera-platform.service
        """);

    Catalog catalog = Sites.load(root);

    assertThat(catalog.problems()).isEmpty();
    assertThat(catalog.target("camera-platform").service())
        .isEqualTo(new SystemdUserService("camera-platform.service", "satinder"));
  }

  @Test
  void aKeyOfAnotherKindWrittenInTheSiteFileItselfIsStillAnError() {
    Sites.write(
        root,
        "paqet-client.yaml",
        """
        id: paqet-client
        service:
          kind: docker
          container: paqet
          app: paqet
        """);

    assertThat(Sites.load(root).problems())
        .singleElement()
        .extracting(Problem::message)
        .asString()
        .startsWith(
            "/etc/watchdog-menu/targets/paqet-client.yaml line 5: unknown key 'app' in service:"
                + " a docker service's keys are");
  }
}
