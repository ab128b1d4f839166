package org.watchdogmenu.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.watchdogmenu.model.ActiveProbeSpec;
import org.watchdogmenu.model.CloseWaitProbeSpec;
import org.watchdogmenu.model.CommandProbeSpec;
import org.watchdogmenu.model.CommandService;
import org.watchdogmenu.model.CpuProbeSpec;
import org.watchdogmenu.model.DataSize;
import org.watchdogmenu.model.DockerProbeSpec;
import org.watchdogmenu.model.HttpProbeSpec;
import org.watchdogmenu.model.LogScanProbeSpec;
import org.watchdogmenu.model.MemoryProbeSpec;
import org.watchdogmenu.model.Pm2ProbeSpec;
import org.watchdogmenu.model.Pm2Service;
import org.watchdogmenu.model.Policy;
import org.watchdogmenu.model.ServiceKind;
import org.watchdogmenu.model.Socks5ProbeSpec;
import org.watchdogmenu.model.SystemdService;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.model.TcpListenProbeSpec;

class ShippedMenusTest {
  @TempDir Path root;

  private Catalog catalog() {
    return Sites.load(root);
  }

  @Test
  void everyShippedMenuLoadsWithoutProblems() {
    Catalog catalog = catalog();

    assertThat(catalog.problems()).isEmpty();
    assertThat(catalog.systems())
        .extracting(CatalogSystem::id)
        .containsExactly("paqet", "icmptunnel", "waterwall", "camera", "pm2", "svc");
    assertThat(catalog.targets())
        .extracting(Target::id)
        .containsExactly(
            "paqet-server",
            "paqet-client",
            "icmptunnel-server",
            "icmptunnel-client",
            "waterwall-server",
            "waterwall-client",
            "camera-platform");
  }

  @Test
  void systemsHaveTitlesRolesAndTemplates() {
    List<CatalogSystem> systems = catalog().systems();

    assertThat(systems)
        .extracting(CatalogSystem::title)
        .containsExactly(
            "Paqet tunnel",
            "ICMP Tunnel",
            "WaterWall",
            "Camera platform (EMQX edition)",
            "PM2 apps",
            "systemd services");
    assertThat(systems)
        .allSatisfy(s -> assertThat(s.description()).isNotBlank().doesNotContain("\n"));
    assertThat(systems.get(0).roles())
        .containsExactly(
            new Role("server", "Server (foreign VPS)", "paqet-server"),
            new Role("client", "Client (local VPS)", "paqet-client"));
    assertThat(systems.get(3).roles())
        .containsExactly(new Role("platform", "Platform (all services)", "camera-platform"));
    assertThat(systems.get(4).templates()).containsExactly("pm2-app");
    assertThat(systems.get(4).roles()).isEmpty();
    assertThat(systems.get(5).templates()).containsExactly("systemd-service");
  }

  @ParameterizedTest
  @CsvSource({
    "paqet-server, paqet, server, paqet-server",
    "paqet-client, paqet, client, paqet-client",
    "icmptunnel-server, icmptunnel, server, icmptunnel-server",
    "icmptunnel-client, icmptunnel, client, icmptunnel-client",
    "waterwall-server, waterwall, server, waterwall-direct-server",
    "waterwall-client, waterwall, client, waterwall-direct-client"
  })
  void tunnelTargetsFollowSeed003(String id, String system, String role, String unit) {
    Target t = catalog().target(id);

    assertThat(t.system()).isEqualTo(system);
    assertThat(t.role()).isEqualTo(role);
    assertThat(t.service().kind()).isEqualTo(ServiceKind.SYSTEMD);
    assertThat(((SystemdService) t.service()).unit()).isEqualTo(unit);
    assertThat(t.paths().state())
        .isEqualTo("/var/lib/watchdog-menu/state/" + system + "-" + role + ".txt");
    assertThat(t.paths().healthLog()).isEqualTo("/var/log/" + system + "-health-" + role + ".log");
    assertThat(t.paths().cronLog()).isEqualTo("/var/log/" + system + "-cron-" + role + ".log");
    assertThat(t.policy()).isEqualTo(Policy.DEFAULTS);
    assertThat(t.probes().get(0)).isInstanceOf(ActiveProbeSpec.class);
  }

  @Test
  void paqetServerPathsAreExactlyTheSeeds() {
    assertThat(catalog().target("paqet-server").paths().state())
        .isEqualTo("/var/lib/watchdog-menu/state/paqet-server.txt");
    assertThat(catalog().target("paqet-server").paths().healthLog())
        .isEqualTo("/var/log/paqet-health-server.log");
    assertThat(catalog().target("paqet-server").paths().cronLog())
        .isEqualTo("/var/log/paqet-cron-server.log");
  }

  @ParameterizedTest
  @CsvSource({
    "paqet-server, paqet-server, 'dial tcp 1.2.3.4:9999: connect: Connection refused'",
    "icmptunnel-server, icmptunnel-server, 'ICMP echo reply error: timeout'",
    "waterwall-server, waterwall-direct-server, '[ERROR] TcpConnector: connection failed'"
  })
  void serversScanTheirJournalForErrors(String id, String unit, String errorLine) {
    LogScanProbeSpec scan = (LogScanProbeSpec) catalog().target(id).probes().get(1);

    assertThat(scan.unit()).isEqualTo(unit);
    assertThat(scan.file()).isNull();
    assertThat(scan.since()).isEqualTo(Duration.ofMinutes(5));
    Pattern pattern = Pattern.compile(scan.pattern());
    assertThat(pattern.matcher(errorLine).find()).isTrue();
    assertThat(pattern.matcher("Started " + unit + ".service - tunnel.").find()).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"paqet-client", "icmptunnel-client"})
  void tunnelClientsTestTheSocksProxy(String id) {
    assertThat(catalog().target(id).probes())
        .hasSize(2)
        .element(1)
        .isInstanceOfSatisfying(
            Socks5ProbeSpec.class,
            s -> {
              assertThat(s.proxy()).isEqualTo("127.0.0.1:1080");
              assertThat(s.url()).isEqualTo("https://httpbin.org/ip");
            });
  }

  @Test
  void waterwallClientChecksItsListener() {
    assertThat(catalog().target("waterwall-client").probes().get(1))
        .isEqualTo(new TcpListenProbeSpec("WaterWall listener", null, 8080, null));
  }

  @Test
  void cameraPlatformFollowsSeed000() {
    Target t = catalog().target("camera-platform");

    assertThat(t.system()).isEqualTo("camera");
    assertThat(t.service().kind()).isEqualTo(ServiceKind.COMMAND);
    assertThat(t.service().account()).contains("satinder");
    assertThat(((CommandService) t.service()).workdir())
        .isEqualTo("/home/satinder/camera-platform-local");
    assertThat(((CommandService) t.service()).restart())
        .containsExactly("/bin/bash", "./scripts/managed_start.sh", "restart");
    assertThat(t.paths().state()).isEqualTo("/var/lib/watchdog-menu/state/camera-platform.txt");
    assertThat(t.paths().healthLog())
        .isEqualTo("/home/satinder/camera-platform-local/logs/health_check.log");
    assertThat(t.paths().cronLog())
        .isEqualTo("/home/satinder/camera-platform-local/logs/cron_restart.log");
  }

  @Test
  void cameraPlatformHasTheSixChecksOfSeed000() {
    Duration fiveSeconds = Duration.ofSeconds(5);

    assertThat(catalog().target("camera-platform").probes())
        .containsExactly(
            new HttpProbeSpec(
                "config server (port 8443)",
                fiveSeconds,
                "https://192.168.199.218:8443/health",
                List.of(200),
                null,
                true),
            new HttpProbeSpec(
                "dashboard server (port 5000)",
                fiveSeconds,
                "http://localhost:5000",
                List.of(200),
                null,
                false),
            new TcpListenProbeSpec("CoTURN port 3478", fiveSeconds, 3478, null),
            new TcpListenProbeSpec("CoTURN port 5349", fiveSeconds, 5349, null),
            new DockerProbeSpec("Kurento container", fiveSeconds, "kms-production"),
            new HttpProbeSpec(
                "Kurento WebSocket (port 8888)",
                fiveSeconds,
                "http://localhost:8888",
                List.of(426),
                null,
                false),
            new TcpListenProbeSpec("EMQX port 8883", fiveSeconds, 8883, null),
            new CommandProbeSpec(
                "EMQX status", fiveSeconds, List.of("emqx", "ctl", "status"), List.of(0)),
            new CloseWaitProbeSpec(
                "CLOSE-WAIT leak (ports 5000, 8443)", fiveSeconds, List.of(5000, 8443), 5));
  }

  @ParameterizedTest
  @CsvSource({"paqet", "icmptunnel", "waterwall", "pm2", "svc"})
  void healthIntervalsAreSeed003s(String system) {
    assertThat(system(system).healthIntervals())
        .extracting(
            (IntervalChoice c) -> c.every().duration(),
            IntervalChoice::label,
            IntervalChoice::recommended)
        .containsExactly(
            tuple(Duration.ofMinutes(2), "frequent monitoring", false),
            tuple(Duration.ofMinutes(5), "balanced", true),
            tuple(Duration.ofMinutes(10), "conservative", false));
  }

  @ParameterizedTest
  @CsvSource({"paqet", "icmptunnel", "waterwall", "pm2", "svc"})
  void restartIntervalsAreSeed003sWithTheirWarnings(String system) {
    List<IntervalChoice> choices = system(system).restartIntervals();

    assertThat(choices)
        .extracting(
            (IntervalChoice c) -> c.every().duration(),
            IntervalChoice::label,
            IntervalChoice::recommended)
        .containsExactly(
            tuple(Duration.ofMinutes(10), "testing only", false),
            tuple(Duration.ofMinutes(30), "frequent", false),
            tuple(Duration.ofHours(1), "balanced", true),
            tuple(Duration.ofHours(2), "conservative", false),
            tuple(Duration.ofHours(4), "conservative", false),
            tuple(Duration.ofHours(6), "minimal", false),
            tuple(Duration.ofHours(12), "minimal", false),
            tuple(Duration.ofHours(24), "daily maintenance", false));
    assertThat(choices.get(0).warning()).isEqualTo("testing only - not recommended");
    assertThat(choices.get(1).warning()).startsWith("frequent - ");
    assertThat(choices.subList(2, 8)).allSatisfy(c -> assertThat(c.warning()).isNull());
    assertThat(system(system).restartTimes()).isEmpty();
  }

  @Test
  void cameraOffersTwelveMinutesAndFixedRestartTimes() {
    CatalogSystem camera = system("camera");

    assertThat(camera.healthIntervals())
        .extracting((IntervalChoice c) -> c.every().duration(), IntervalChoice::recommended)
        .containsExactly(
            tuple(Duration.ofMinutes(2), false),
            tuple(Duration.ofMinutes(5), false),
            tuple(Duration.ofMinutes(10), false),
            tuple(Duration.ofMinutes(12), true));
    assertThat(camera.restartTimes())
        .containsExactly(
            new FixedTimes(
                List.of(LocalTime.of(8, 0), LocalTime.of(16, 0), LocalTime.of(0, 0)),
                "every 8 hours",
                true));
    assertThat(camera.restartIntervals()).hasSize(8).noneMatch(IntervalChoice::recommended);
    assertThat(camera.restartIntervals().get(0).warning())
        .isEqualTo("testing only - not recommended");
  }

  private CatalogSystem system(String id) {
    return catalog().systems().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void thePm2TemplateHasTheDefaultsOfSeeds002And004() {
    Sites.write(
        root,
        "pm2-api.yaml",
        "id: pm2-api\nextends: pm2-app\nservice:\n  app: api\n  user: ubuntu\n");
    Duration five = Duration.ofSeconds(5);

    Target t = catalog().target("pm2-api");

    assertThat(t.system()).isEqualTo("pm2");
    assertThat(t.service().kind()).isEqualTo(ServiceKind.PM2);
    assertThat(((Pm2Service) t.service()).env()).isEqualTo("production");
    assertThat(t.probes())
        .containsExactly(
            new Pm2ProbeSpec("PM2 daemon and app online", five, "api", "ubuntu"),
            new MemoryProbeSpec(null, five, null, null, "api", DataSize.parse("1G")),
            new CpuProbeSpec(null, five, null, null, "api", 90, Duration.ofSeconds(60)));
    assertThat(t.policy())
        .isEqualTo(
            new Policy(
                null,
                3,
                Duration.ofSeconds(10),
                null,
                Duration.ofSeconds(60),
                null,
                null,
                null,
                null));
  }

  @Test
  void theSystemdTemplateHasTheMonitorSettingsOfSeed001() {
    Sites.write(
        root, "svc-api.yaml", "id: svc-api\nextends: systemd-service\nservice:\n  unit: api\n");

    Target t = catalog().target("svc-api");

    assertThat(t.system()).isEqualTo("svc");
    assertThat(t.service().kind()).isEqualTo(ServiceKind.SYSTEMD);
    assertThat(t.probes()).containsExactly(new ActiveProbeSpec(null, null));
    assertThat(t.policy())
        .isEqualTo(
            new Policy(
                Duration.ofSeconds(30),
                null,
                null,
                null,
                null,
                5,
                Duration.ofMinutes(5),
                null,
                null));
  }
}
