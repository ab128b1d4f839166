package org.watchdogmenu.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.watchdogmenu.monitor.MonitorList;
import org.watchdogmenu.os.HostRoot;

/**
 * Every template, rendered for every seed system, against its golden file ({@link GoldenFilesIT}:
 * every rendered file passes the real validator for its kind).
 */
class GoldenFilesTest {
  private static final CronRenderer CRON = new CronRenderer(HostRoot.SYSTEM);

  static Stream<Arguments> files() {
    Map<String, Supplier<FileWrite>> f = new LinkedHashMap<>();
    for (String system : List.of("paqet", "icmptunnel", "waterwall")) {
      for (String role : List.of("server", "client")) {
        f.put(
            system + "-health-" + role + ".cron",
            () -> CRON.render(SeedTargets.tunnel(system, role), Feature.HEALTH, every("5m")));
        f.put(
            system + "-restart-" + role + ".cron",
            () -> CRON.render(SeedTargets.tunnel(system, role), Feature.RESTART, every("1h")));
      }
    }
    f.put(
        "camera-health.cron",
        () -> CRON.render(SeedTargets.camera(), Feature.HEALTH, every("12m")));
    f.put(
        "camera-restart.cron",
        () -> CRON.render(SeedTargets.camera(), Feature.RESTART, every("08:00,16:00,00:00")));
    f.put(
        "camera-platform.service",
        () ->
            UnitRenderer.userUnit(
                new UserUnitRequest(
                    "camera-platform.service",
                    "satinder",
                    "/home/satinder",
                    "Camera Platform Services - EMQX Edition (Dashboard, MQTT Processor, Config"
                        + " Server)",
                    List.of("network.target", "emqx.service", "docker.service"),
                    List.of("emqx.service", "docker.service"),
                    SeedTargets.CAMERA_DIR,
                    List.of(
                        "/bin/bash", SeedTargets.CAMERA_DIR + "/scripts/managed_start.sh", "start"),
                    List.of(
                        "/bin/bash", SeedTargets.CAMERA_DIR + "/scripts/managed_start.sh", "stop")),
                "/home/satinder",
                "satinder"));
    f.put(
        "camera-platform-derived.service",
        () ->
            UnitRenderer.userUnit(
                UserUnitRequest.forCommandTarget(SeedTargets.camera()),
                "/home/satinder",
                "satinder"));
    f.put(
        "camera-sudoers",
        () -> {
          SudoersRequest r =
              new SudoersRequest(
                  "satinder",
                  "camera-platform",
                  List.of(SeedTargets.camera()),
                  List.of(SudoersRequest.command("/usr/bin/emqx ctl status")));
          return SudoersRenderer.render(r, SudoersRenderer.commands(r, CRON.engine()));
        });
    f.put(
        "paqet-sudoers",
        () -> {
          SudoersRequest r =
              new SudoersRequest(
                  "operator",
                  null,
                  List.of(
                      SeedTargets.tunnel("paqet", "server"), SeedTargets.tunnel("paqet", "client")),
                  List.of());
          return SudoersRenderer.render(r, SudoersRenderer.commands(r, CRON.engine()));
        });
    f.put(
        "pm2-health-amexing-api.cron",
        () -> CRON.render(SeedTargets.pm2("amexing-api"), Feature.HEALTH, every("5m")));
    f.put(
        "pm2-health-codebox.cron",
        () -> CRON.render(SeedTargets.pm2("codebox"), Feature.HEALTH, every("5m")));
    f.put(
        "pm2-housekeeping-ubuntu.cron",
        () ->
            CRON.pm2(
                Pm2Housekeeping.seed002(
                    "ubuntu", "/home/ubuntu", "/home/ubuntu/Amexing/amexing-web")));
    f.put(
        "svc-health-mingus-backend.cron",
        () -> CRON.render(SeedTargets.svc("mingus-backend"), Feature.HEALTH, every("5m")));
    f.put(
        "svc-restart-mingus-backend.cron",
        () -> CRON.render(SeedTargets.svc("mingus-backend"), Feature.RESTART, every("24h")));
    f.put(
        "mingus-backend.service.d-watchdog-menu.conf",
        () -> UnitRenderer.restartPolicy("mingus-backend.service"));
    f.put("watchdog-menu-alert@.service", UnitRenderer::alert);
    f.put("watchdog-menu-monitor.service", () -> UnitRenderer.monitor(CRON.engine()));
    f.put(
        "monitor.yaml",
        () ->
            Planner.monitorList(
                new MonitorList(List.of("pm2-codebox", "paqet-server", "svc-mingus-backend"))));
    f.put(
        "logrotate-watchdog-menu",
        () ->
            LogrotateRenderer.render(
                HostRoot.SYSTEM,
                new TreeSet<>(
                    List.of(
                        "/var/log/paqet-health-server.log",
                        "/var/log/paqet-cron-server.log",
                        SeedTargets.CAMERA_DIR + "/logs/health_check.log")),
                warning -> {}));
    return f.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void renderedFileMatchesGolden(String name, Supplier<FileWrite> render) throws Exception {
    FileWrite file = render.get();
    Golden.assertMatches(name, file.text());
    assertThat(file.text()).startsWith(ScheduleReader.HEADER + ":").endsWith("\n");
  }

  private static Schedule every(String text) {
    return Schedule.parse(text);
  }
}
