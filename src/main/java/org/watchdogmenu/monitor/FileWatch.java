package org.watchdogmenu.monitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.watchdogmenu.catalog.Catalog;
import org.watchdogmenu.os.HostRoot;

/**
 * Notices a change to the monitor's files (the target list and the site target files) by their
 * names, sizes and modification times: a few {@code stat} calls, cheap enough to run every second.
 */
final class FileWatch {
  private final Path list;
  private final Path targets;
  private List<String> seen;

  FileWatch(HostRoot root) {
    this.list = root.resolve(MonitorList.FILE);
    this.targets = root.resolve(Catalog.SITE_DIR);
    this.seen = fingerprint();
  }

  /** Whether anything changed since the last call (or since this watch was made). */
  boolean changed() {
    List<String> now = fingerprint();
    boolean changed = !now.equals(seen);
    seen = now;
    return changed;
  }

  private List<String> fingerprint() {
    List<String> all = new ArrayList<>();
    all.add(stamp(list));
    if (Files.isDirectory(targets)) {
      try (Stream<Path> files = Files.list(targets)) {
        files.sorted().forEach(f -> all.add(stamp(f)));
      } catch (IOException e) {
        all.add("unreadable " + targets);
      }
    }
    return all;
  }

  private static String stamp(Path file) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return file.getFileName() + " " + a.size() + " " + a.lastModifiedTime().toMillis();
    } catch (IOException e) {
      return file.getFileName() + " missing";
    }
  }
}
