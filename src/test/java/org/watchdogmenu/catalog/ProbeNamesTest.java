package org.watchdogmenu.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.model.ProbeSpec;
import org.watchdogmenu.model.Target;

/** A probe's name that holds its port (or host) follows it when a setting moves it. */
class ProbeNamesTest {
  @TempDir Path root;

  private static List<Setting> settings(String... pairs) {
    return Arrays.stream(pairs).map(Setting::parse).toList();
  }

  /** The target's probe names after the settings are written and the catalog read again. */
  private List<String> namesAfter(String id, String... pairs) {
    TargetFile file = new TargetFiles(Sites.load(root)).set(id, settings(pairs));
    Sites.write(root, id + ".yaml", file.text());
    Catalog catalog = Sites.load(root);
    assertThat(catalog.problems()).isEmpty();
    return catalog.target(id).probes().stream().map(ProbeSpec::name).toList();
  }

  @Test
  void aListenersNameFollowsItsPortAndTheCommandSaysSo() {
    TargetFile file =
        new TargetFiles(Sites.load(root)).set("camera-platform", settings("probes.2.port=3479"));
    assertThat(file.command())
        .isEqualTo(
            "target set camera-platform probes.2.port=3479 'probes[2].name=CoTURN port 3479'");
    assertThat(namesAfter("camera-platform", "probes.2.port=3479"))
        .contains("CoTURN port 3479", "CoTURN port 5349")
        .doesNotContain("CoTURN port 3478");
  }

  @Test
  void anHttpProbesNameFollowsThePortOfItsUrl() {
    assertThat(namesAfter("camera-platform", "probes[0].url=https://192.168.199.218:9443/health"))
        .contains("config server (port 9443)", "dashboard server (port 5000)");
  }

  @Test
  void aSocksProxysNameFollowsTheProxysPort() {
    Sites.write(
        root,
        "tunnel.yaml",
        "id: tunnel\nextends: paqet-client\nprobes:\n  - type: socks5\n"
            + "    name: SOCKS proxy test (port 1080)\n    proxy: 127.0.0.1:1080\n"
            + "    url: https://httpbin.org/ip\n");
    assertThat(namesAfter("tunnel", "probes[0].proxy=127.0.0.1:1081"))
        .containsExactly("SOCKS proxy test (port 1081)");
  }

  @Test
  void aNameWithoutTheOldPortOrOneSetWithTheChangeIsKept() {
    Target camera = Sites.load(root).target("camera-platform");
    assertThat(ProbeNames.following(camera, settings("probes.2.port=3478"))).isEmpty();
    assertThat(
            ProbeNames.following(
                camera, settings("probes.2.port=3479", "probes[2].name=TURN listener")))
        .isEmpty();
    assertThat(ProbeNames.following(camera, settings("probes.8.max=9"))).isEmpty();
    Target waterwall = Sites.load(root).target("waterwall-client");
    assertThat(ProbeNames.following(waterwall, settings("probes.1.port=9090"))).isEmpty();
  }

  @Test
  void onlyTheWholeNumberIsReplaced() {
    assertThat(ProbeNames.replaceWhole("port 80 and 8080", "80", "81"))
        .isEqualTo("port 81 and 8080");
    assertThat(ProbeNames.replaceWhole("10.0.0.80:80", "80", "81")).isEqualTo("10.0.0.80:81");
  }
}
