package org.watchdogmenu.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds every {@code menus/*.yaml} next to this class: in {@code target/classes} when run from the
 * build, or in the jar. No index file: what is in the folder is what ships.
 */
final class MenuFiles {
  private static final String FOLDER = "menus/";

  /**
   * The interval lists every menu offers unless it lists its own; not a system (a system's id
   * cannot start with {@code _}).
   */
  static final String DEFAULTS = FOLDER + "_defaults.yaml";

  private MenuFiles() {}

  static List<NamedText> fromClassPath() {
    try {
      return from(
          Path.of(MenuFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the menus: " + e.getMessage(), e);
    }
  }

  /**
   * @param location a class folder or a jar
   */
  static List<NamedText> from(Path location) {
    try {
      List<NamedText> out =
          Files.isDirectory(location) ? fromFolder(location.resolve(FOLDER)) : fromJar(location);
      out.sort(Comparator.comparing(NamedText::name));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the menus in " + location, e);
    }
  }

  private static List<NamedText> fromFolder(Path folder) throws IOException {
    List<NamedText> out = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return out;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.yaml")) {
      for (Path f : files) {
        out.add(new NamedText(FOLDER + f.getFileName(), Files.readString(f)));
      }
    }
    return out;
  }

  private static List<NamedText> fromJar(Path jar) throws IOException {
    List<NamedText> out = new ArrayList<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        String name = e.getName();
        if (name.startsWith(FOLDER)
            && name.endsWith(".yaml")
            && name.indexOf('/', FOLDER.length()) < 0) {
          try (InputStream in = zip.getInputStream(e)) {
            out.add(new NamedText(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
          }
        }
      }
    }
    return out;
  }
}
