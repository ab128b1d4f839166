package org.watchdogmenu.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.watchdogmenu.os.AtomicFile;
import org.watchdogmenu.os.HostRoot;

/**
 * Copies of what an apply replaces or removes, under {@code backups/<apply-id>/<host path>}, with
 * mode and owner kept. A copy, never a move: the original stays in place until its rename.
 */
final class Backups {
  private final HostRoot root;
  private final HostRoot records;

  /**
   * @param root where the files are
   * @param records where the installer's records are (the backups folder)
   */
  Backups(HostRoot root, HostRoot records) {
    this.root = root;
    this.records = records;
  }

  /** Backs up every file the plan replaces or removes; the map says what was there, by path. */
  Map<String, Manifest.Before> save(Plan plan, String id) {
    Map<String, Manifest.Before> before = new LinkedHashMap<>();
    List<String> paths = new ArrayList<>();
    plan.writes().forEach(w -> paths.add(w.path()));
    plan.removals().forEach(r -> paths.add(r.path()));
    try {
      for (String hostPath : paths) {
        Path p = root.resolve(hostPath);
        Optional<FileMeta> meta = FileMeta.read(p);
        if (meta.isPresent()) {
          String backup = InstallPaths.BACKUPS + "/" + id + hostPath;
          Path copy = records.resolve(backup);
          AtomicFile.write(copy, FileMeta.content(p), FileMeta.permissions("0600"));
          FileMeta m = meta.get();
          before.put(
              hostPath, new Manifest.Before(backup, m.sha256(), m.mode(), m.owner(), m.group()));
        }
      }
    } catch (IOException e) {
      drop(id);
      throw new InstallException("nothing was written: a backup failed: " + e.getMessage());
    }
    return before;
  }

  boolean exists(String id) {
    return Files.exists(records.resolve(InstallPaths.BACKUPS + "/" + id));
  }

  /** Deletes one apply's backups, and the backups folder when it is left empty. */
  void drop(String id) {
    deleteTree(records.resolve(InstallPaths.BACKUPS + "/" + id));
    try {
      Files.deleteIfExists(records.resolve(InstallPaths.BACKUPS));
    } catch (IOException ignored) {
      // other applies' backups live there
    }
  }

  void dropAll() {
    deleteTree(records.resolve(InstallPaths.BACKUPS));
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // what is left is under the backups folder only
    }
  }
}
