package org.watchdogmenu.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.watchdogmenu.os.HostRoot;

/** Temp roots with site files, for tests. */
final class Sites {
  private Sites() {}

  static Path write(Path root, String fileName, String text) {
    try {
      Path dir = new HostRoot(root).resolve(Catalog.SITE_DIR);
      Files.createDirectories(dir);
      return Files.writeString(dir.resolve(fileName), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Catalog load(Path root) {
    return Catalog.load(new HostRoot(root));
  }

  /** The one problem of a catalog loaded with a single site file. */
  static String problemOf(Path root, String fileName, String text) {
    write(root, fileName, text);
    Catalog catalog = load(root);
    if (catalog.problems().size() != 1) {
      throw new AssertionError("expected one problem, got " + catalog.problems());
    }
    return catalog.problems().get(0).message();
  }
}
