package org.watchdogmenu.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.model.CommandService;
import org.watchdogmenu.model.HttpProbeSpec;
import org.watchdogmenu.model.ServiceKind;
import org.watchdogmenu.model.SystemdService;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.model.TcpListenProbeSpec;

/**
 * Site files made from settings: only what changed for a shipped target, other keys and comments
 * kept for an existing file, a whole file for a new target, and every bad value one line.
 */
class TargetFilesTest {
  private static final String WATERWALL = "/etc/watchdog-menu/targets/waterwall-client.yaml";

  @TempDir Path root;

  private TargetFiles files() {
    return new TargetFiles(Sites.load(root));
  }

  private static List<Setting> settings(String... pairs) {
    return Arrays.stream(pairs).map(Setting::parse).toList();
  }

  /** Writes the file as the applier would, and reads the catalog again. */
  private Catalog write(TargetFile file) {
    Sites.write(root, file.id() + ".yaml", file.text());
    Catalog catalog = Sites.load(root);
    assertThat(catalog.problems()).isEmpty();
    return catalog;
  }

  @Test
  void aShippedTargetGetsAFileWithOnlyTheChangedKeys() {
    TargetFile file = files().set("waterwall-client", settings("policy.cooldown=60s"));

    assertThat(file.path()).isEqualTo(WATERWALL);
    assertThat(file.text())
        .startsWith("# Managed by watchdog-menu: the settings of target waterwall-client.\n")
        .endsWith("id: waterwall-client\npolicy:\n  cooldown: 60s\n");
    assertThat(file.notes()).isEmpty();
    assertThat(file.command()).isEqualTo("target set waterwall-client policy.cooldown=60s");
    Target t = write(file).target("waterwall-client");
    assertThat(t.policy().cooldown()).isEqualTo(Duration.ofSeconds(60));
    assertThat(((SystemdService) t.service()).unit()).isEqualTo("waterwall-direct-client");
  }

  @Test
  void aKeyInsideAnInheritedListRepeatsTheWholeList() {
    TargetFile file = files().set("waterwall-client", settings("probes.1.port=9090"));

    assertThat(file.text())
        .contains(
            """
            probes:
              - type: active
              - type: tcp-listen
                name: WaterWall listener
                port: 9090
            """);
    assertThat(file.notes())
        .containsExactly(
            "'probes' is written whole: a list in a site file replaces the inherited one, so the"
                + " file of waterwall-client repeats every item");
    Target t = write(file).target("waterwall-client");
    assertThat(((TcpListenProbeSpec) t.probes().get(1)).port()).isEqualTo(9090);
    assertThat(t.probes()).hasSize(2);
  }

  @Test
  void aChangeOnTheLineOfItsKeyKeepsTheCommentsAndOtherKeys() {
    String text =
        """
        # Our WaterWall client: the listener is the one of config.json.
        id: waterwall-client
        probes:
          - type: active
          - type: tcp-listen   # the local listener
            port: 2053 # from config.json
        policy:
          cooldown: 5m
        """;
    Sites.write(root, "waterwall-client.yaml", text);

    TargetFile file =
        files().set("waterwall-client", settings("probes[1].port=2054", "policy.retries=4"));

    assertThat(file.text())
        .isEqualTo(
            text.replace("port: 2053 #", "port: 2054 #")
                .replace("cooldown: 5m\n", "cooldown: 5m\n  retries: 4\n"));
    assertThat(file.text())
        .contains("# Our WaterWall client", "  - type: tcp-listen   # the local listener")
        .contains("    port: 2054 # from config.json", "  cooldown: 5m");
    assertThat(write(file).target("waterwall-client").policy().retries()).isEqualTo(4);
  }

  @Test
  void aValueChangedInPlaceLeavesEveryOtherLineAsItWas() {
    String text =
        """
        # Seed 004's app.
        id: pm2-codebox
        extends: pm2-app
        service:
          app: codebox   # the PM2 name
          user: ubuntu
        """;
    Sites.write(root, "pm2-codebox.yaml", text);

    TargetFile file = files().set("pm2-codebox", settings("service.user=deploy"));

    assertThat(file.text()).isEqualTo(text.replace("user: ubuntu", "user: deploy"));
    assertThat(file.notes()).isEmpty();
  }

  @Test
  void aNewTopLevelKeyIsAddedAtTheEndAndTheCommentsStay() {
    String text =
        "# Seed 001's backend.\nid: svc-web\nextends: systemd-service\nservice:\n"
            + "  unit: web.service\n";
    Sites.write(root, "svc-web.yaml", text);

    TargetFile file = files().set("svc-web", settings("policy.grace=1m"));

    assertThat(file.text()).isEqualTo(text + "policy:\n  grace: 1m\n");
  }

  @Test
  void aChangeThatCannotBeMadeInPlaceRewritesTheFileAndSaysTheCommentsAreGone() {
    String text =
        "# Seed 001's backend.\nid: svc-web\nextends: systemd-service\nservice: {unit: web}\n";
    Sites.write(root, "svc-web.yaml", text);

    TargetFile file =
        files().set("svc-web", settings("service.kind=systemd-user", "service.user=www"));

    assertThat(file.text())
        .startsWith("# Managed by watchdog-menu")
        .doesNotContain("Seed 001")
        .endsWith(
            "id: svc-web\nextends: systemd-service\nservice:\n  unit: web\n  kind: systemd-user\n"
                + "  user: www\n");
    assertThat(file.notes())
        .containsExactly(
            "the comments in /etc/watchdog-menu/targets/svc-web.yaml are not kept: the change"
                + " cannot be made in place, so the file is written anew from its values");
  }

  @Test
  void anEmptyValueTakesTheKeyAwayAndAnInheritedOneIsEmptiedSoTheDefaultApplies() {
    Sites.write(
        root, "svc-web.yaml", "id: svc-web\nextends: systemd-service\nservice:\n  unit: web\n");

    TargetFile file = files().set("svc-web", settings("policy.window="));

    assertThat(file.text()).endsWith("policy:\n  window: null\n");
    assertThat(write(file).target("svc-web").policy().window()).isEqualTo(Duration.ofHours(1));
    TargetFile back = files().set("svc-web", settings("policy.window=5m"));
    assertThat(back.text()).endsWith("policy:\n  window: 5m\n");
  }

  @Test
  void aNewTargetIsAWholeFileThatExtendsATemplate() {
    TargetFile file =
        files()
            .add(
                "svc-web",
                settings(
                    "extends=systemd-service",
                    "title=Web backend",
                    "service.unit=web.service",
                    "probes.1.type=http",
                    "probes.1.url=http://127.0.0.1:8000/health"));

    assertThat(file.text())
        .endsWith(
            """
            id: svc-web
            extends: systemd-service
            title: Web backend
            service:
              unit: web.service
            probes:
              - type: active
              - type: http
                url: http://127.0.0.1:8000/health
            """);
    assertThat(file.command())
        .isEqualTo(
            "target add svc-web extends=systemd-service 'title=Web backend'"
                + " service.unit=web.service probes.1.type=http"
                + " probes.1.url=http://127.0.0.1:8000/health");
    Target t = write(file).target("svc-web");
    assertThat(t.system()).isEqualTo("svc");
    assertThat(t.policy().window()).isEqualTo(Duration.ofMinutes(5));
    assertThat(((HttpProbeSpec) t.probes().get(1)).url()).isEqualTo("http://127.0.0.1:8000/health");
  }

  @Test
  void aCommandTargetTakesItsCommandAsWords() {
    TargetFile file =
        files()
            .add(
                "demo",
                settings(
                    "service.kind=command",
                    "service.restart=/opt/demo/restart.sh --now",
                    "service.user=www-data",
                    "probes.0.type=tcp-listen",
                    "probes.0.port=8080"));

    Target t = write(file).target("demo");
    assertThat(t.service().kind()).isEqualTo(ServiceKind.COMMAND);
    assertThat(((CommandService) t.service()).restart())
        .containsExactly("/opt/demo/restart.sh", "--now");
    assertThat(t.system()).isEqualTo("custom");
    assertThat(((TcpListenProbeSpec) t.probes().get(0)).port()).isEqualTo(8080);
  }

  @Test
  void aBadPortIsOneLineNamingTheKey() {
    assertThatThrownBy(() -> files().set("waterwall-client", settings("probes.1.port=70000")))
        .isInstanceOf(CatalogException.class)
        .hasMessage(WATERWALL + " line 9: 'probes[1].port' must be between 1 and 65535, not 70000");
    assertThatThrownBy(() -> files().set("waterwall-client", settings("probes.1.port=http")))
        .hasMessage(WATERWALL + " line 9: 'probes[1].port' must be a whole number");
  }

  @Test
  void aBadDurationIsOneLineNamingTheKey() {
    assertThatThrownBy(() -> files().set("waterwall-client", settings("policy.cooldown=5x")))
        .isInstanceOf(CatalogException.class)
        .hasMessage(
            WATERWALL
                + " line 6: 'policy.cooldown' must be a duration like 500ms, 5s, 2m, 1h or 1d,"
                + " not '5x'");
  }

  @Test
  void anUnknownKeyIsOneLineWithTheNearestKnownOne() {
    assertThatThrownBy(() -> files().set("waterwall-client", settings("policy.coldown=5m")))
        .hasMessage(
            WATERWALL + " line 6: unknown key 'coldown' in policy (did you mean 'cooldown'?)");
  }

  @Test
  void idsThatAreNotTargetNamesOrAreTakenAreRefused() {
    assertThatThrownBy(() -> files().add("Web_1", settings("extends=systemd-service")))
        .isInstanceOf(CatalogException.class)
        .hasMessage(
            "'id' must be lower-case letters, digits and dashes (at most 63, not starting with a"
                + " dash), not 'Web_1'");
    assertThat(files().idProblem("paqet-server").orElseThrow())
        .isEqualTo(
            "'paqet-server' is already a target: pick another id, or change it with"
                + " 'watchdog-menu target set paqet-server KEY=VALUE'");
    assertThat(files().idProblem("pm2-app").orElseThrow())
        .isEqualTo("'pm2-app' is a template of the catalog: pick another id");
    assertThatThrownBy(() -> files().set("nothing-here", settings("title=x")))
        .hasMessage("unknown target 'nothing-here': run 'watchdog-menu list' to see the targets");
    assertThatThrownBy(() -> files().set("paqet-server", settings("id=other")))
        .hasMessageStartingWith("'id' names the file and cannot be changed");
  }

  @Test
  void aNewTargetMissingWhatItsKindNeedsIsRefused() {
    assertThatThrownBy(() -> files().add("svc-web", settings("extends=systemd-service")))
        .hasMessage(
            "/etc/watchdog-menu/targets/svc-web.yaml line 4: 'service.unit' is missing: a systemd"
                + " service needs its unit");
  }

  @Test
  void aTargetThatWouldShareAStateFileIsRefused() {
    assertThatThrownBy(
            () ->
                files()
                    .set(
                        "waterwall-client",
                        settings("paths.state=/var/lib/watchdog-menu/state/waterwall-server.txt")))
        .hasMessageContaining("'paths.state' is also the state file of 'waterwall-server'");
  }

  @Test
  void keysAreReadInBothFormsAndBadOnesAreNamed() {
    assertThat(KeyPath.parse("probes.1.port").toString()).isEqualTo("probes[1].port");
    assertThat(KeyPath.parse("probes[1].port").toString()).isEqualTo("probes[1].port");
    assertThat(KeyPath.parse("service.recovery[0][1]").toString())
        .isEqualTo("service.recovery[0][1]");
    for (String bad : List.of("", "1.port", "probes..port", "Policy.cooldown", "a b", "x.")) {
      assertThatThrownBy(() -> KeyPath.parse(bad))
          .as(bad)
          .isInstanceOf(CatalogException.class)
          .hasMessageContaining("is not a key");
    }
    assertThatThrownBy(() -> Setting.parse("cooldown"))
        .hasMessageStartingWith("'cooldown' is not KEY=VALUE");
    assertThatThrownBy(() -> files().set("waterwall-client", settings("probes.5.port=1")))
        .hasMessage(
            "'probes[5].port': the list has 2 items: use an index from 0 to 2 (2 adds one)");
    assertThatThrownBy(() -> files().set("waterwall-client", settings("title.x=1")))
        .hasMessageStartingWith("'title' holds a single value, so 'title.x' cannot be set");
  }

  @Test
  void settingsAreShellWords() {
    assertThat(new Setting("policy.cooldown", "60s").word()).isEqualTo("policy.cooldown=60s");
    assertThat(new Setting("title", "Bob's app").word()).isEqualTo("'title=Bob'\\''s app'");
    assertThat(new Setting("probes[1].port", "1").word()).isEqualTo("'probes[1].port=1'");
  }

  @Test
  void valueRulesUseTheCatalogsWords() {
    assertThat(ValueRule.PORT.problem("probes[1].port", "70000").orElseThrow())
        .isEqualTo("'probes[1].port' must be between 1 and 65535, not 70000");
    assertThat(ValueRule.DURATION.problem("policy.cooldown", "5x").orElseThrow())
        .isEqualTo("'policy.cooldown' must be a duration like 500ms, 5s, 2m, 1h or 1d, not '5x'");
    assertThat(ValueRule.DURATION.problem("policy.grace", "0s").orElseThrow())
        .isEqualTo("'policy.grace' must be longer than 0, not 0s");
    assertThat(ValueRule.DURATION_OR_ZERO.problem("policy.grace", "0s")).isEmpty();
    assertThat(ValueRule.DURATION_OR_ZERO.problem("policy.retry_delay", "0ms")).isEmpty();
    assertThat(ValueRule.DURATION_OR_ZERO.problem("policy.grace", "soon").orElseThrow())
        .isEqualTo("'policy.grace' must be a duration like 500ms, 5s, 2m, 1h or 1d, not 'soon'");
    assertThat(ValueRule.SIZE.problem("probes[1].max", "lots").orElseThrow())
        .isEqualTo("'probes[1].max' must be a size like 512M or 1G, not 'lots'");
    assertThat(ValueRule.COUNT.problem("policy.retries", "0").orElseThrow())
        .isEqualTo("'policy.retries' must be at least 1, not 0");
    assertThat(ValueRule.PERCENT.problem("probes[2].max_percent", "120").orElseThrow())
        .isEqualTo("'probes[2].max_percent' must be between 1 and 100, not 120");
    assertThat(ValueRule.URL.problem("probes[0].url", "localhost:80").orElseThrow())
        .startsWith("'probes[0].url' must be an http:// or https:// address with a host");
    assertThat(ValueRule.USER.problem("service.user", "no body").orElseThrow())
        .contains("is not a user name");
    assertThat(ValueRule.TEXT.problem("title", "a; rm").orElseThrow())
        .contains("must not contain ';'");
    assertThat(ValueRule.PORT.problem("probes[0].port", "")).isEmpty();
    assertThat(ValueRule.UNIT.problem("service.unit", "web.service")).isEmpty();
  }

  @Test
  void theCandidateIsCheckedWithoutTouchingTheDisk() throws Exception {
    files().set("waterwall-client", settings("policy.cooldown=60s"));
    assertThat(root.resolve("etc")).doesNotExist();
    Sites.write(root, "keep.yaml", "id: keep\nservice: {kind: systemd, unit: keep}\n");
    String before = Files.readString(root.resolve("etc/watchdog-menu/targets/keep.yaml"));
    files().add("other", settings("extends=systemd-service", "service.unit=other"));
    assertThat(root.resolve("etc/watchdog-menu/targets/other.yaml")).doesNotExist();
    assertThat(Files.readString(root.resolve("etc/watchdog-menu/targets/keep.yaml")))
        .isEqualTo(before);
  }
}
