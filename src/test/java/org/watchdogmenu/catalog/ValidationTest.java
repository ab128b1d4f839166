package org.watchdogmenu.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.os.HostRoot;

/** Each rule, with the exact one-line message: file, line, key, what to do. */
class ValidationTest {
  private static final String FILE = "/etc/watchdog-menu/targets/web.yaml";
  private static final String SYSTEMD =
      """
      id: web
      service:
        kind: systemd
        unit: web.service
      """;

  @TempDir Path root;

  private String problem(String yaml) {
    return Sites.problemOf(root, "web.yaml", yaml);
  }

  private String probe(String probeLines) {
    return problem(SYSTEMD + "probes:\n" + probeLines);
  }

  @Test
  void unknownKeyNamesTheNearestKnownOne() {
    assertThat(
            probe(
                """
                  - type: http
                    url: http://127.0.0.1:8080/health
                    timout: 5s
                """))
        .isEqualTo(FILE + " line 8: unknown key 'timout' in probes[0] (did you mean 'timeout'?)");
  }

  @Test
  void unknownKeyWithNothingCloseListsTheKeys() {
    assertThat(problem(SYSTEMD + "probes: [{type: active}]\ncolour: red\n"))
        .isEqualTo(
            FILE
                + " line 6: unknown key 'colour': the keys here are extends, id, paths, policy,"
                + " probes, role, service, system, title");
  }

  @Test
  void serviceKindMustBeKnown() {
    assertThat(problem("id: web\nservice:\n  kind: upstart\n"))
        .isEqualTo(
            FILE
                + " line 3: 'service.kind' must be one of systemd, systemd-user, pm2, docker,"
                + " command, not 'upstart'");
  }

  @Test
  void aServiceWrittenAsOneWordSaysWhatToWrite() {
    assertThat(problem("id: web\nservice: x\nprobes: [{type: active}]\n"))
        .isEqualTo(
            FILE
                + " line 2: 'service' must be keys under it, not 'x': write e.g. 'service: {kind:"
                + " systemd, unit: web.service}' (kind is one of systemd, systemd-user, pm2, docker,"
                + " command)");
  }

  @Test
  void commandsAreWordsNotNumbersOrBooleans() {
    String command = "id: web\nservice:\n  kind: command\n";
    assertThat(problem(command + "  restart: [1, 2]\nprobes: [{type: active}]\n"))
        .isEqualTo(
            FILE
                + " line 4: 'service.restart[0]' must be a word of the command in quotes, not the"
                + " number 1: write \"1\" (each word of a command is text, e.g."
                + " [\"/opt/app/restart.sh\", \"--now\"])");
    assertThat(
            problem(
                command
                    + "  restart: [/bin/true]\n  recovery: [[/bin/x, true]]\n"
                    + "probes: [{type: active}]\n"))
        .startsWith(
            FILE
                + " line 5: 'service.recovery[0][1]' must be a word of the command in quotes, not"
                + " the value true");
    assertThat(
            problem(
                command
                    + "  restart: [/bin/true]\nprobes:\n  - type: command\n"
                    + "    command: [/bin/check, 8080]\n"))
        .startsWith(
            FILE
                + " line 7: 'probes[0].command[1]' must be a word of the command in quotes, not the"
                + " number 8080: write \"8080\"");
  }

  @Test
  void anEmptyOrOneWordProbeSaysWhatToWrite() {
    assertThat(problem(SYSTEMD + "probes: [~]\n"))
        .startsWith(
            FILE
                + " line 5: 'probes[0]' is empty: write a probe with its type, e.g. '- type:"
                + " active' (types: http, ")
        .doesNotContain("Exception");
    assertThat(problem(SYSTEMD + "probes: [active]\n"))
        .startsWith(
            FILE + " line 5: 'probes[0]' must be keys with a 'type', not 'active': write e.g.");
  }

  @Test
  void serviceMustBeGiven() {
    assertThat(problem("id: web\nprobes: [{type: active}]\n"))
        .isEqualTo(
            FILE
                + " line 1: 'service' is missing: add 'service:' with a 'kind' (systemd,"
                + " systemd-user, pm2, docker, command)");
  }

  @Test
  void probeTypeMustBeKnown() {
    assertThat(probe("  - type: htp\n"))
        .isEqualTo(
            FILE
                + " line 6: 'probes[0].type' must be one of http, tcp-listen, tcp-connect, socks5,"
                + " log-scan, command, close-wait, memory, cpu, pm2, docker, disk, active, not"
                + " 'htp'");
  }

  @Test
  void probeTypeMustBeGiven() {
    assertThat(probe("  - url: http://x\n"))
        .isEqualTo(
            FILE
                + " line 6: 'probes[0]' has no 'type': add one of http, tcp-listen, tcp-connect,"
                + " socks5, log-scan, command, close-wait, memory, cpu, pm2, docker, disk, active");
  }

  @Test
  void eachServiceKindNeedsItsSubject() {
    assertThat(problem("id: web\nservice:\n  kind: systemd\nprobes: [{type: active}]\n"))
        .isEqualTo(FILE + " line 2: 'service.unit' is missing: a systemd service needs its unit");
  }

  @Test
  void systemdUserNeedsTheUser() {
    assertThat(
            problem(
                "id: web\nservice:\n  kind: systemd-user\n  unit: web\nprobes: [{type: active}]\n"))
        .isEqualTo(
            FILE
                + " line 2: 'service.user' is missing: a systemd-user service needs the user it"
                + " runs as");
  }

  @Test
  void pm2NeedsTheApp() {
    assertThat(problem("id: web\nservice:\n  kind: pm2\nprobes: [{type: active}]\n"))
        .isEqualTo(FILE + " line 2: 'service.app' is missing: a pm2 service needs the app name");
  }

  @Test
  void dockerNeedsTheContainer() {
    assertThat(problem("id: web\nservice:\n  kind: docker\nprobes: [{type: docker}]\n"))
        .isEqualTo(FILE + " line 2: 'service.container' is missing: a docker service needs it");
  }

  @Test
  void commandNeedsARestartArgv() {
    assertThat(
            problem(
                "id: web\nservice:\n  kind: command\n  restart: []\nprobes: [{type: active}]\n"))
        .isEqualTo(
            FILE
                + " line 4: 'service.restart' is missing: a command service needs its restart"
                + " command as a list, e.g. restart: [\"/opt/app/restart.sh\"]");
  }

  @Test
  void restartMustBeAListNotAString() {
    assertThat(
            problem(
                "id: web\nservice:\n  kind: command\n  restart: /opt/restart.sh\nprobes: [{type: active}]\n"))
        .isEqualTo(FILE + " line 4: 'service.restart' must be a list, e.g. [a, b]");
  }

  @Test
  void unitNamesAreChecked() {
    assertThat(
            problem(
                "id: web\nservice:\n  kind: systemd\n  unit: web server\nprobes: [{type: active}]\n"))
        .isEqualTo(
            FILE
                + " line 4: 'service.unit' is not a unit name: use letters, digits and @ . _ : -"
                + " (e.g. nginx.service), not 'web server'");
  }

  @Test
  void userNamesAreChecked() {
    assertThat(
            problem(
                "id: web\nservice:\n  kind: pm2\n  app: web\n  user: 1ubuntu\nprobes: [{type: pm2}]\n"))
        .isEqualTo(
            FILE
                + " line 5: 'service.user' is not a user name: start with a letter or _, then"
                + " letters, digits, _ . -, not '1ubuntu'");
  }

  @ParameterizedTest
  @ValueSource(strings = {";", "&", "|", "`", "$("})
  void shellCharactersAreRejectedInNames(String bad) {
    assertThat(
            problem(
                "id: web\nservice:\n  kind: pm2\n  app: 'web"
                    + bad
                    + "x'\nprobes: [{type: pm2}]\n"))
        .isEqualTo(
            FILE
                + " line 4: 'service.app' must not contain '"
                + bad
                + "': it would end up in cron lines and sudoers");
  }

  @Test
  void lineBreaksAreRejectedInPaths() {
    assertThat(problem(SYSTEMD + "probes: [{type: active}]\npaths:\n  state: \"/var/tmp/a\\nb\"\n"))
        .isEqualTo(
            FILE
                + " line 7: 'paths.state' must not contain a line break: it would end up in cron"
                + " lines and sudoers");
  }

  @ParameterizedTest
  @ValueSource(strings = {"var/tmp/state.txt", "/var/tmp/../etc/state.txt"})
  void pathsMustBeAbsoluteWithoutClimbing(String path) {
    assertThat(problem(SYSTEMD + "probes: [{type: active}]\npaths:\n  health_log: " + path + "\n"))
        .isEqualTo(
            FILE
                + " line 7: 'paths.health_log' must be an absolute path without '..', e.g."
                + " /var/tmp/x.txt, not '"
                + path
                + "'");
  }

  @Test
  void httpUrlsNeedHttpOrHttps() {
    assertThat(probe("  - type: http\n    url: ftp://example.com/health\n"))
        .isEqualTo(
            FILE
                + " line 7: 'probes[0].url' must be an http:// or https:// address with a host,"
                + " not 'ftp://example.com/health'");
  }

  @Test
  void httpUrlsMustBeGiven() {
    assertThat(probe("  - type: http\n    timeout: 5s\n"))
        .isEqualTo(
            FILE + " line 6: 'probes[0].url' is missing: an http probe needs the address to ask");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 65536, -1})
  void portsMustBeInRange(int port) {
    assertThat(probe("  - type: tcp-listen\n    port: " + port + "\n"))
        .isEqualTo(FILE + " line 7: 'probes[0].port' must be between 1 and 65535, not " + port);
  }

  @Test
  void everyCloseWaitPortIsChecked() {
    assertThat(probe("  - type: close-wait\n    ports: [5000, 70000]\n"))
        .isEqualTo(FILE + " line 7: 'probes[0].ports[1]' must be between 1 and 65535, not 70000");
  }

  @Test
  void regexesMustCompile() {
    assertThat(probe("  - type: log-scan\n    pattern: '(error'\n"))
        .isEqualTo(
            FILE
                + " line 7: 'probes[0].pattern' is not a valid regular expression: Unclosed group"
                + " near index 6");
  }

  @Test
  void logScanNeedsAUnitOrAFile() {
    assertThat(
            problem(
                "id: web\nservice:\n  kind: command\n  restart: [/bin/true]\n"
                    + "probes:\n  - type: log-scan\n    pattern: error\n"))
        .isEqualTo(
            FILE
                + " line 6: 'probes[0]' (log-scan) needs 'unit' or 'file': e.g. unit:"
                + " nginx.service");
  }

  @Test
  void commandProbesNeedAnArgv() {
    assertThat(probe("  - type: command\n    command: []\n"))
        .isEqualTo(
            FILE
                + " line 7: 'probes[0].command' is missing: give the command as a list, e.g."
                + " [\"/bin/true\"]");
  }

  @Test
  void memoryProbesNeedOneProcess() {
    assertThat(probe("  - type: memory\n    max: 1G\n"))
        .isEqualTo(
            FILE
                + " line 6: 'probes[0]' (memory) needs exactly one of 'pid_file', 'process' or"
                + " 'pm2_app' (or a pm2 service)");
  }

  @Test
  void negativeDurationsAreRejectedWithTheKey() {
    assertThat(problem(SYSTEMD + "probes: [{type: active}]\npolicy:\n  cooldown: -5s\n"))
        .isEqualTo(
            FILE
                + " line 7: 'policy.cooldown' must be a duration like 500ms, 5s, 2m, 1h or 1d,"
                + " not '-5s'");
  }

  @Test
  void zeroDurationsAreRejectedWithTheKey() {
    assertThat(problem(SYSTEMD + "probes: [{type: active}]\npolicy:\n  cooldown: 0s\n"))
        .isEqualTo(FILE + " line 7: 'policy.cooldown' must be longer than 0, not 0s");
    assertThat(problem(SYSTEMD + "probes: [{type: active}]\npolicy:\n  lock_timeout: 0ms\n"))
        .isEqualTo(FILE + " line 7: 'policy.lock_timeout' must be longer than 0, not 0s");
  }

  @Test
  void noGraceAndRetryingAtOnceAreAllowed() {
    Sites.write(
        root,
        "web.yaml",
        SYSTEMD + "probes: [{type: active}]\npolicy:\n  grace: 0s\n  retry_delay: 0s\n");
    Catalog catalog = Sites.load(root);
    assertThat(catalog.problems()).isEmpty();
    Target t = catalog.target("web");
    assertThat(t.policy().grace()).isZero();
    assertThat(t.policy().retryDelay()).isZero();
  }

  @Test
  void aZeroIntervalIsRejectedBeforeThePolicyIsBuilt() {
    assertThat(problem(SYSTEMD + "probes: [{type: active}]\npolicy:\n  interval: 0m\n"))
        .isEqualTo(FILE + " line 7: 'policy.interval' must be longer than 0, not 0m");
  }

  @Test
  void zeroProbeTimeoutsAreRejected() {
    assertThat(probe("  - type: active\n    timeout: 0ms\n"))
        .isEqualTo(FILE + " line 7: 'probes[0].timeout' must be longer than 0, not 0s");
  }

  @Test
  void numbersAreNotReadFromText() {
    assertThat(probe("  - type: tcp-listen\n    port: '80'\n"))
        .isEqualTo(FILE + " line 7: 'probes[0].port' must be a whole number");
  }

  @Test
  void duplicateKeysAreRejected() {
    assertThat(problem("id: web\nservice:\n  kind: systemd\n  kind: pm2\n"))
        .isEqualTo(FILE + " line 4: duplicate key 'kind' in service (first on line 3): keep one");
  }

  @Test
  void yamlSyntaxErrorsGiveTheLine() {
    assertThat(problem("id: web\nservice:\n  kind: [systemd\n"))
        .isEqualTo(FILE + " line 4: not valid YAML: expected ',' or ']', but got <stream end>");
  }

  @Test
  void anEmptyFileIsReported() {
    assertThat(problem("")).isEqualTo(FILE + " line 1: the file is empty: write 'id: NAME'");
  }

  @Test
  void theIdMustBeGiven() {
    assertThat(problem("title: Web\n"))
        .isEqualTo(FILE + " line 1: 'id' is missing: add 'id: web' (the file name without .yaml)");
  }

  @Test
  void theIdMustMatchTheFileName() {
    assertThat(problem("title: Web\nid: webapp\n"))
        .isEqualTo(
            FILE
                + " line 2: 'id' is 'webapp' but the file is named web.yaml: rename the file to"
                + " webapp.yaml or change the id");
  }

  @Test
  void theIdMustBeATargetName() {
    assertThat(problem("id: web_app\n"))
        .isEqualTo(
            FILE
                + " line 1: 'id' must be lower-case letters, digits and dashes (at most 63, not"
                + " starting with a dash), not 'web_app'");
  }

  @Test
  void theFileNameMustBeATargetName() {
    assertThat(Sites.problemOf(root, "Web.yaml", "id: web\n"))
        .isEqualTo(
            "/etc/watchdog-menu/targets/Web.yaml line 1: the file name 'Web' is not a target"
                + " name: use lower-case letters, digits and dashes");
  }

  @Test
  void extendsMustNameACatalogEntry() {
    assertThat(problem("id: web\nextends: pm3-app\n"))
        .isEqualTo(
            FILE
                + " line 2: 'extends' names 'pm3-app', which is not a catalog template or target:"
                + " use one of pm2-app, systemd-service or a target from 'watchdog-menu list'");
  }

  @Test
  void errorsInCatalogDefaultsPointAtTheMenusFile() {
    String menu =
        """
        system: demo
        title: Demo
        description: A demo system
        order: 1
        health_intervals: [{every: 5m, label: balanced}]
        restart_intervals: [{every: 1h, label: balanced}]
        roles:
          - role: server
            title: Server
            target:
              id: demo-server
              service: {kind: systemd, unit: demo}
              probes:
                - type: tcp-listen
                  port: 99999
        """;

    Catalog catalog =
        Catalog.load(new HostRoot(root), List.of(new NamedText("menus/demo.yaml", menu)));

    assertThat(catalog.problems())
        .extracting(Problem::message)
        .containsExactly(
            "menus/demo.yaml line 15: 'probes[0].port' must be between 1 and 65535, not 99999");
    assertThat(catalog.targets()).isEmpty();
    assertThatThrownBy(() -> catalog.target("demo-server"))
        .hasMessage(catalog.problems().get(0).message());
  }

  @Test
  void menuFilesAreStrictToo() {
    String menu = "system: demo\ntitle: Demo\ndescription: d\norder: 1\nhealth_interval: []\n";

    Catalog catalog =
        Catalog.load(new HostRoot(root), List.of(new NamedText("menus/demo.yaml", menu)));

    assertThat(catalog.problems())
        .extracting(Problem::message)
        .containsExactly(
            "menus/demo.yaml line 5: unknown key 'health_interval' (did you mean"
                + " 'health_intervals'?)");
  }

  @Test
  void systemAndRoleMustBeUsableInCronFileNames() {
    assertThat(problem(SYSTEMD + "probes: [{type: active}]\nsystem: my.system\n"))
        .isEqualTo(
            FILE
                + " line 6: 'system' must be lower-case letters, digits and dashes (it names cron"
                + " files), not 'my.system'");
  }

  @Test
  void pm2ProbesNeedAnAppWhenTheServiceIsNotPm2() {
    assertThat(probe("  - type: pm2\n"))
        .isEqualTo(
            FILE
                + " line 6: 'probes[0].app' is missing: a pm2 probe needs the app (or a pm2"
                + " service)");
  }

  @Test
  void dockerProbesNeedAContainerWhenTheServiceIsNotDocker() {
    assertThat(probe("  - type: docker\n"))
        .isEqualTo(
            FILE + " line 6: 'probes[0].container' is missing: a docker probe needs the container");
  }

  @Test
  void socksProxiesNeedAHostAndPort() {
    assertThat(probe("  - type: socks5\n    proxy: localhost\n    url: https://httpbin.org/ip\n"))
        .isEqualTo(
            FILE
                + " line 7: 'probes[0].proxy' must be HOST:PORT with a port from 1 to 65535, e.g."
                + " 127.0.0.1:1080, not 'localhost'");
  }

  @Test
  void expectedStatusesAreHttpStatuses() {
    assertThat(probe("  - type: http\n    url: http://127.0.0.1/\n    expect_status: [200, 42]\n"))
        .isEqualTo(
            FILE + " line 8: 'probes[0].expect_status[1]' must be between 100 and 599, not 42");
  }

  @Test
  void percentagesAreAtMostOneHundred() {
    assertThat(probe("  - type: disk\n    max_percent: 120\n"))
        .isEqualTo(FILE + " line 7: 'probes[0].max_percent' must be between 1 and 100, not 120");
  }

  @Test
  void logScanTakesAUnitOrAFileNotBoth() {
    assertThat(
            probe(
                "  - type: log-scan\n    unit: web\n    file: /var/log/web.log\n    pattern: x\n"))
        .isEqualTo(
            FILE
                + " line 8: 'probes[0].file' cannot be given together with 'unit': keep one of them");
  }

  @Test
  void recoveryLevelsAreNonEmptyCommands() {
    assertThat(
            problem(
                "id: web\nservice:\n  kind: systemd\n  unit: web\n  recovery:\n    - []\n"
                    + "probes: [{type: active}]\n"))
        .isEqualTo(
            FILE
                + " line 6: 'service.recovery[0]' is empty: give the command as a list, e.g."
                + " [\"/usr/bin/true\"]");
  }

  @Test
  void maxRestartsIsAtLeastOne() {
    assertThat(problem(SYSTEMD + "probes: [{type: active}]\npolicy:\n  max_restarts: 0\n"))
        .isEqualTo(FILE + " line 7: 'policy.max_restarts' must be at least 1, not 0");
  }

  @Test
  void anIdUsedTwiceInTheCatalogIsReported() {
    String a =
        "system: a\ntitle: A\ndescription: d\norder: 1\n"
            + "health_intervals: [{every: 5m, label: x}]\nrestart_intervals: [{every: 1h, label: x}]\n"
            + "templates:\n  - id: app\n";
    String b = a.replace("system: a", "system: b");

    Catalog catalog =
        Catalog.load(
            new HostRoot(root),
            List.of(new NamedText("menus/a.yaml", a), new NamedText("menus/b.yaml", b)));

    assertThat(catalog.problems())
        .extracting(Problem::message)
        .containsExactly(
            "menus/b.yaml line 8: 'id' is 'app', which another catalog entry already uses: rename one");
  }

  @Test
  void aYmlFileIsReportedNotIgnored() {
    assertThat(Sites.problemOf(root, "web.yml", "id: web\n"))
        .isEqualTo("/etc/watchdog-menu/targets/web.yml line 1: is not read: name it web.yaml");
  }
}
