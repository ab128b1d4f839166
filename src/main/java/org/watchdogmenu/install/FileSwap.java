package org.watchdogmenu.install;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.watchdogmenu.os.AtomicFile;
import org.watchdogmenu.os.HostRoot;

/**
 * Puts a plan's files in place: first every new file as a synced, dot-named temp file with its mode
 * and owner, then one rename each, then the removals. A failure before the renames changes nothing;
 * a failure between renames puts the renamed files back from their backups.
 */
final class FileSwap {
  private final HostRoot root;
  private final Applier.BeforeRename beforeRename;

  FileSwap(HostRoot root, Applier.BeforeRename beforeRename) {
    this.root = root;
    this.beforeRename = beforeRename;
  }

  /**
   * @param before what each path held, from the backups (empty for undo and uninstall)
   * @param unchanged called when a failure left every file as it was
   * @return one line per file changed
   */
  List<String> apply(Plan plan, Map<String, Manifest.Before> before, Runnable unchanged) {
    List<String> lines = new ArrayList<>();
    List<AtomicFile.Staged> staged = new ArrayList<>();
    Deque<Path> created = new ArrayDeque<>();
    try {
      for (FileWrite w : plan.writes()) {
        Path target = root.resolve(w.path());
        createParents(target.getParent(), w.owner(), w.group(), created);
        staged.add(
            AtomicFile.stage(
                target, w.content(), FileMeta.permissions(w.mode()), w.owner(), w.group()));
      }
    } catch (IOException | RuntimeException e) {
      staged.forEach(FileSwap::discard);
      removeEmpty(created);
      unchanged.run();
      throw new InstallException(
          "nothing was changed: writing a temp file failed: " + e.getMessage());
    }
    Deque<FileWrite> done = new ArrayDeque<>();
    for (int i = 0; i < staged.size(); i++) {
      FileWrite w = plan.writes().get(i);
      try {
        beforeRename.run(w.path());
        staged.get(i).commit();
        done.push(w);
        lines.add((w.restore() ? "put back " : "wrote   ") + w.path());
      } catch (IOException | RuntimeException e) {
        staged.subList(i, staged.size()).forEach(FileSwap::discard);
        List<String> failed = rollBack(done, before);
        removeEmpty(created);
        if (failed.isEmpty()) {
          unchanged.run();
        }
        throw new InstallException(
            "writing "
                + w.path()
                + " failed ("
                + e.getMessage()
                + "); "
                + (failed.isEmpty()
                    ? "the files written before it were put back as they were"
                    : "could not put back "
                        + failed
                        + ": their old content is under "
                        + InstallPaths.BACKUPS));
      }
    }
    for (FileRemoval r : plan.removals()) {
      try {
        Path p = root.resolve(r.path());
        Files.deleteIfExists(p);
        removeEmptyDropInFolder(p.getParent());
        lines.add("removed " + r.path());
      } catch (IOException e) {
        throw new InstallException("removing " + r.path() + " failed: " + e.getMessage());
      }
    }
    return lines;
  }

  /** Puts back the files already renamed into place; returns those it could not. */
  private List<String> rollBack(Deque<FileWrite> done, Map<String, Manifest.Before> before) {
    List<String> failed = new ArrayList<>();
    for (FileWrite w : done) {
      Manifest.Before b = before.get(w.path());
      try {
        Path target = root.resolve(w.path());
        if (b == null) {
          Files.deleteIfExists(target);
          continue;
        }
        try (AtomicFile.Staged s =
            AtomicFile.stage(
                target,
                Files.readAllBytes(root.resolve(b.backup())),
                FileMeta.permissions(b.mode()),
                b.owner(),
                b.group())) {
          s.commit();
        }
      } catch (IOException | RuntimeException e) {
        failed.add(w.path());
      }
    }
    return failed;
  }

  /** Creates missing folders; they belong to the file's owner, like the file (a user's home). */
  private static void createParents(Path dir, String owner, String group, Deque<Path> created)
      throws IOException {
    Deque<Path> missing = new ArrayDeque<>();
    for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) {
      missing.push(p);
    }
    UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
    while (!missing.isEmpty()) {
      Path p = missing.pop();
      Files.createDirectory(p);
      created.push(p);
      if (!"root".equals(owner)) {
        PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class);
        view.setOwner(users.lookupPrincipalByName(owner));
        view.setGroup(users.lookupPrincipalByGroupName(group));
      }
    }
  }

  /** Removes folders created for this plan, deepest first, when a failure left them empty. */
  private static void removeEmpty(Deque<Path> created) {
    for (Path p : created) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // not empty: something else lives there now
      }
    }
  }

  private static void removeEmptyDropInFolder(Path dir) throws IOException {
    if (dir.getFileName().toString().endsWith(".service.d")) {
      try {
        Files.deleteIfExists(dir);
      } catch (DirectoryNotEmptyException ignored) {
        // other drop-ins live there: keep it
      }
    }
  }

  private static void discard(AtomicFile.Staged s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // a dot-named temp file is ignored by cron and sudo
    }
  }
}
