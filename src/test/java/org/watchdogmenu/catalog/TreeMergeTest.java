package org.watchdogmenu.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TreeMergeTest {
  private final SourceTree base =
      YamlSource.read(
          """
          id: base
          service:
            kind: systemd
            unit: base
          probes:
            - type: active
            - type: tcp-listen
              port: 80
          """,
          "menus/base.yaml");
  private final SourceTree site =
      YamlSource.read(
          """
          service:
            unit: site
          probes:
            - type: disk
          """,
          "/etc/site.yaml");

  @Test
  void mappingsMergeAndListsAreReplaced() {
    SourceTree merged = TreeMerge.merge(base, site);

    assertThat(merged.tree().toString())
        .isEqualTo(
            "{\"id\":\"base\",\"service\":{\"kind\":\"systemd\",\"unit\":\"site\"},"
                + "\"probes\":[{\"type\":\"disk\"}]}");
  }

  @Test
  void eachValueKeepsTheLineOfTheFileThatSetIt() {
    SourceMap lines = TreeMerge.merge(base, site).lines();

    assertThat(lines.at("service.kind")).isEqualTo(new Location("menus/base.yaml", 3));
    assertThat(lines.at("service.unit")).isEqualTo(new Location("/etc/site.yaml", 2));
    assertThat(lines.at("probes[0].type")).isEqualTo(new Location("/etc/site.yaml", 4));
    assertThat(lines.at("probes[1].port")).isEqualTo(new Location("/etc/site.yaml", 3));
    assertThat(lines.forMissing("id.x")).isEqualTo(new Location("/etc/site.yaml", 1));
  }

  @Test
  void theInputsAreNotChanged() {
    TreeMerge.merge(base, site);

    assertThat(base.tree().at("/service/unit").asText()).isEqualTo("base");
    assertThat(base.tree().at("/probes").size()).isEqualTo(2);
  }
}
