package org.watchdogmenu.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShippedMenusTest {
  @TempDir Path root;

  @Test
  void everyShippedMenuLoadsWithoutProblems() {
    Catalog catalog = Sites.load(root);

    assertThat(catalog.problems()).isEmpty();
    assertThat(catalog.systems())
        .extracting(CatalogSystem::id)
        .containsExactly("paqet", "icmptunnel", "waterwall", "camera", "pm2", "svc");
    assertThat(catalog.targets())
        .extracting(t -> t.id())
        .containsExactly(
            "paqet-server",
            "paqet-client",
            "icmptunnel-server",
            "icmptunnel-client",
            "waterwall-server",
            "waterwall-client",
            "camera-platform");
  }
}
