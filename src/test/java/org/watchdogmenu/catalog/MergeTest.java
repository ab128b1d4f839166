package org.watchdogmenu.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.model.LogScanProbeSpec;
import org.watchdogmenu.model.Socks5ProbeSpec;
import org.watchdogmenu.model.SystemdService;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.model.TcpListenProbeSpec;

/** Site files override, extend or stand alone, as the package documentation says. */
class MergeTest {
  @TempDir Path root;

  @Test
  void aSiteFileWithACatalogIdOverridesOnlyTheKeysItSets() {
    Sites.write(
        root,
        "waterwall-client.yaml",
        """
        id: waterwall-client
        policy:
          cooldown: 5m
        """);

    Target t = Sites.load(root).target("waterwall-client");

    assertThat(t.policy().cooldown()).isEqualTo(Duration.ofMinutes(5));
    assertThat(t.policy().maxRestarts()).isEqualTo(5);
    assertThat(((SystemdService) t.service()).unit()).isEqualTo("waterwall-direct-client");
    assertThat(t.paths().state()).isEqualTo("/var/lib/watchdog-menu/state/waterwall-client.txt");
    assertThat(t.system()).isEqualTo("waterwall");
    assertThat(t.role()).isEqualTo("client");
    assertThat(Sites.load(root).hasSiteFile("waterwall-client")).isTrue();
  }

  @Test
  void anOverriddenCatalogTargetKeepsItsPlaceInTheOrder() {
    Sites.write(root, "paqet-server.yaml", "id: paqet-server\ntitle: Paqet exit\n");

    Catalog catalog = Sites.load(root);

    assertThat(catalog.targets().get(0).id()).isEqualTo("paqet-server");
    assertThat(catalog.targets().get(0).title()).isEqualTo("Paqet exit");
  }

  @Test
  void listsAreReplacedWhole() {
    Sites.write(
        root,
        "waterwall-client.yaml",
        """
        id: waterwall-client
        probes:
          - type: tcp-listen
            port: 2053
        """);

    assertThat(Sites.load(root).target("waterwall-client").probes())
        .containsExactly(new TcpListenProbeSpec(null, null, 2053, null));
  }

  @Test
  void mappingsInsideAnOverrideMergeKeyByKey() {
    Sites.write(
        root,
        "paqet-client.yaml",
        """
        id: paqet-client
        paths:
          health_log: /var/log/tunnel/health.log
        """);

    Target t = Sites.load(root).target("paqet-client");

    assertThat(t.paths().healthLog()).isEqualTo("/var/log/tunnel/health.log");
    assertThat(t.paths().state()).isEqualTo("/var/lib/watchdog-menu/state/paqet-client.txt");
    assertThat(((Socks5ProbeSpec) t.probes().get(1)).url()).isEqualTo("https://httpbin.org/ip");
  }

  @Test
  void anEmptyValueRemovesTheInheritedOneSoTheModelDefaultApplies() {
    Sites.write(
        root,
        "paqet-server.yaml",
        """
        id: paqet-server
        paths:
          cron_log:
        """);

    assertThat(Sites.load(root).target("paqet-server").paths().cronLog())
        .isEqualTo("/var/log/paqet-server-cron.log");
  }

  @Test
  void extendingACatalogTargetTakesNeitherItsIdNorItsTitleNorItsPaths() {
    Sites.write(
        root,
        "paqet-client-2.yaml",
        """
        id: paqet-client-2
        extends: paqet-client
        service:
          unit: paqet-client-2
        """);

    Target t = Sites.load(root).target("paqet-client-2");

    assertThat(t.paths().state()).isEqualTo("/var/lib/watchdog-menu/state/paqet-client-2.txt");
    assertThat(t.title()).isEqualTo("paqet-client-2");
    assertThat(t.system()).isEqualTo("paqet");
    assertThat(t.probes()).extracting(p -> p.type()).containsExactly("active", "socks5");
  }

  @Test
  void logScanProbesFollowTheUnitTheSiteSets() {
    Sites.write(
        root,
        "paqet-server.yaml",
        """
        id: paqet-server
        service:
          unit: paqet-exit.service
        """);

    LogScanProbeSpec scan =
        (LogScanProbeSpec) Sites.load(root).target("paqet-server").probes().get(1);

    assertThat(scan.unit()).isEqualTo("paqet-exit.service");
  }

  @Test
  void aProbesOwnSubjectIsNotReplacedByTheService() {
    Sites.write(
        root,
        "pm2-web.yaml",
        """
        id: pm2-web
        extends: pm2-app
        service:
          app: web
        probes:
          - type: pm2
            app: web-worker
          - type: memory
            process: node
        """);

    Target t = Sites.load(root).target("pm2-web");

    assertThat(t.title()).isEqualTo("pm2-web");
    assertThat(t.probes().get(0)).hasFieldOrPropertyWithValue("app", "web-worker");
    assertThat(t.probes().get(1)).hasFieldOrPropertyWithValue("pm2App", null);
    assertThat(t.probes().get(1)).hasFieldOrPropertyWithValue("process", "node");
  }

  @Test
  void aStandaloneFileIsACustomTargetUnlessItNamesItsSystem() {
    Sites.write(
        root,
        "nginx.yaml",
        "id: nginx\nservice: {kind: systemd, unit: nginx.service}\nprobes: [{type: active}]\n");
    Sites.write(
        root,
        "edge.yaml",
        "id: edge\nsystem: svc\nservice: {kind: systemd, unit: edge}\nprobes: [{type: active}]\n");

    Catalog catalog = Sites.load(root);

    assertThat(catalog.target("nginx").system()).isEqualTo("custom");
    assertThat(catalog.target("edge").system()).isEqualTo("svc");
    assertThat(catalog.targets()).extracting(Target::id).endsWith("edge", "nginx");
  }

  @Test
  void aBrokenSiteFileBreaksOnlyItsOwnTarget() {
    Sites.write(root, "paqet-client.yaml", "id: paqet-client\npolicy:\n  retries: 0\n");
    Sites.write(
        root, "nginx.yaml", "id: nginx\nextends: systemd-service\nservice: {unit: nginx}\n");

    Catalog catalog = Sites.load(root);

    assertThat(catalog.problems())
        .containsExactly(
            new Problem(
                "/etc/watchdog-menu/targets/paqet-client.yaml",
                "/etc/watchdog-menu/targets/paqet-client.yaml line 3:"
                    + " 'policy.retries' must be at least 1, not 0"));
    assertThat(catalog.targets())
        .extracting(Target::id)
        .doesNotContain("paqet-client")
        .contains("nginx");
    assertThatThrownBy(() -> catalog.target("paqet-client"))
        .isInstanceOf(CatalogException.class)
        .hasMessage(catalog.problems().get(0).message());
    assertThat(catalog.target("paqet-server").id()).isEqualTo("paqet-server");
  }

  @Test
  void errorsAfterMergingPointAtTheFileThatSetTheValue() {
    String message =
        Sites.problemOf(
            root,
            "pm2-web.yaml",
            """
            id: pm2-web
            extends: pm2-app
            service:
              app: web
              user: Bad;User
            """);

    assertThat(message)
        .isEqualTo(
            "/etc/watchdog-menu/targets/pm2-web.yaml line 5: 'service.user' must not contain"
                + " ';': it would end up in cron lines and sudoers");
  }

  @Test
  void aMissingValueIsReportedInTheSiteFileEvenWhenTheTemplateSetTheMapping() {
    String message =
        Sites.problemOf(root, "pm2-web.yaml", "id: pm2-web\ntitle: Web\nextends: pm2-app\n");

    assertThat(message)
        .isEqualTo(
            "/etc/watchdog-menu/targets/pm2-web.yaml line 1: 'service.app' is missing:"
                + " a pm2 service needs the app name");
  }

  @Test
  void twoTargetsCannotShareAStateFile() {
    String message =
        Sites.problemOf(
            root,
            "tunnel-copy.yaml",
            """
            id: tunnel-copy
            extends: paqet-client
            paths:
              state: /var/lib/watchdog-menu/state/paqet-client.txt
            """);

    assertThat(message)
        .isEqualTo(
            "/etc/watchdog-menu/targets/tunnel-copy.yaml line 4: 'paths.state' is also the state"
                + " file of 'paqet-client': give each target its own");
  }
}
