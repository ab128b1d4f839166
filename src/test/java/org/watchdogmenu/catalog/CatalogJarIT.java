package org.watchdogmenu.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar, alone on a class path, finds and loads every shipped menu. */
class CatalogJarIT {
  @TempDir Path root;

  @Test
  void theShadedJarLoadsTheShippedMenus() throws Exception {
    Path jar = Path.of(System.getProperty("watchdog.jar"));
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      Class<?> catalogClass = loader.loadClass("org.watchdogmenu.catalog.Catalog");
      Class<?> rootClass = loader.loadClass("org.watchdogmenu.os.HostRoot");
      Object hostRoot = rootClass.getConstructor(Path.class).newInstance(root);

      Object catalog = catalogClass.getMethod("load", rootClass).invoke(null, hostRoot);

      assertThat(catalogClass).isNotSameAs(Catalog.class);
      assertThat((List<?>) catalogClass.getMethod("problems").invoke(catalog)).isEmpty();
      assertThat((List<?>) catalogClass.getMethod("systems").invoke(catalog)).hasSize(6);
      assertThat((List<?>) catalogClass.getMethod("targets").invoke(catalog)).hasSize(7);
    }
  }
}
