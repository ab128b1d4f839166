package org.watchdogmenu.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.model.ActiveProbeSpec;
import org.watchdogmenu.model.CommandService;
import org.watchdogmenu.model.CpuProbeSpec;
import org.watchdogmenu.model.DataSize;
import org.watchdogmenu.model.HttpProbeSpec;
import org.watchdogmenu.model.MemoryProbeSpec;
import org.watchdogmenu.model.Pm2ProbeSpec;
import org.watchdogmenu.model.Pm2Service;
import org.watchdogmenu.model.Policy;
import org.watchdogmenu.model.ServiceKind;
import org.watchdogmenu.model.SystemdService;
import org.watchdogmenu.model.Target;

/** The files in docs/examples, copied into a site folder, load as documented. */
class ExamplesTest {
  @TempDir Path root;
  private Catalog catalog;

  @BeforeEach
  void copyExamples() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("docs/examples"))) {
      for (Path f : files.toList()) {
        Sites.write(root, f.getFileName().toString(), Files.readString(f));
      }
    }
    catalog = Sites.load(root);
  }

  @Test
  void everyExampleLoadsAfterTheCatalogTargets() {
    assertThat(catalog.problems()).isEmpty();
    assertThat(catalog.targets())
        .extracting(Target::id)
        .endsWith(
            "camera-platform", "demo-web", "pm2-amexing-api", "pm2-codebox", "svc-mingus-backend");
    assertThat(catalog.hasSiteFile("pm2-codebox")).isTrue();
    assertThat(catalog.hasSiteFile("paqet-server")).isFalse();
  }

  @Test
  void codeboxGetsThePm2TemplateOfSeeds002And004() {
    Target t = catalog.target("pm2-codebox");
    Duration five = Duration.ofSeconds(5);

    assertThat(t.system()).isEqualTo("pm2");
    assertThat(t.extendsId()).isEqualTo("pm2-app");
    assertThat(t.service().kind()).isEqualTo(ServiceKind.PM2);
    assertThat(((Pm2Service) t.service()).app()).isEqualTo("codebox");
    assertThat(t.service().account()).contains("ubuntu");
    assertThat(((Pm2Service) t.service()).env()).isEqualTo("production");
    assertThat(t.probes())
        .containsExactly(
            new Pm2ProbeSpec("PM2 daemon and app online", five, "codebox", "ubuntu"),
            new MemoryProbeSpec(null, five, null, null, "codebox", DataSize.parse("1G")),
            new CpuProbeSpec(null, five, null, null, "codebox", 90, Duration.ofSeconds(60)),
            new HttpProbeSpec(
                "API health endpoint",
                five,
                "http://localhost:5000/api-health",
                List.of(200),
                null,
                false));
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
    assertThat(t.paths().state()).isEqualTo("/var/lib/watchdog-menu/state/pm2-codebox.txt");
  }

  @Test
  void amexingHasItsEcosystemAndTheSeed002Checks() {
    Target t = catalog.target("pm2-amexing-api");

    assertThat(((Pm2Service) t.service()).ecosystem())
        .isEqualTo("/home/ubuntu/Amexing/amexing-web/.config/pm2/ecosystem.config.js");
    assertThat(((Pm2Service) t.service()).app()).isEqualTo("amexing-api");
    assertThat(t.service().account()).contains("ubuntu");
    assertThat(t.probes()).extracting(p -> p.type()).containsExactly("pm2", "memory");
    assertThat(((MemoryProbeSpec) t.probes().get(1)).pm2App()).isEqualTo("amexing-api");
  }

  @Test
  void mingusBackendGetsTheSystemdTemplateOfSeed001() {
    Target t = catalog.target("svc-mingus-backend");

    assertThat(t.system()).isEqualTo("svc");
    assertThat(t.service().kind()).isEqualTo(ServiceKind.SYSTEMD);
    assertThat(((SystemdService) t.service()).unit()).isEqualTo("mingus-backend.service");
    assertThat(t.probes()).containsExactly(new ActiveProbeSpec(null, null));
    assertThat(t.policy().maxRestarts()).isEqualTo(5);
    assertThat(t.policy().window()).isEqualTo(Duration.ofMinutes(5));
    assertThat(t.policy().interval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(t.policy().cooldown()).isEqualTo(Duration.ofSeconds(120));
  }

  @Test
  void demoWebStandsAloneAsACustomCommandTarget() {
    Target t = catalog.target("demo-web");

    assertThat(t.system()).isEqualTo("custom");
    assertThat(t.extendsId()).isNull();
    assertThat(t.service().kind()).isEqualTo(ServiceKind.COMMAND);
    assertThat(((CommandService) t.service()).restart()).containsExactly("/opt/demo/restart.sh");
    assertThat(t.probes()).extracting(p -> p.type()).containsExactly("http", "disk");
  }
}
