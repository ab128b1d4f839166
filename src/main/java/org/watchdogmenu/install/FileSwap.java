package org.watchdogmenu.install;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.watchdogmenu.os.AtomicFile;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.StagedFile;
import org.watchdogmenu.os.UserFiles;

/**
 * Puts a plan's files in place: first every new file as a synced, dot-named temp file with its mode
 * and owner, then one rename each, then the removals. A failure before the renames changes nothing;
 * a failure between renames puts the renamed files back from their backups.
 */
final class FileSwap {
  private final HostRoot root;
  private final HostRoot records;
  private final UserFiles userFiles;
  private final Applier.BeforeRename beforeRename;

  FileSwap(
      HostRoot root, HostRoot records, UserFiles userFiles, Applier.BeforeRename beforeRename) {
    this.root = root;
    this.records = records;
    this.userFiles = userFiles;
    this.beforeRename = beforeRename;
  }

  /**
   * A file owned by an account other than root lives in that account's folder (a user unit in its
   * home): it is written with the account's rights, so nothing it planted there can turn root's
   * write elsewhere.
   */
  private static boolean usersOwn(String owner) {
    return owner != null && !owner.equals("root");
  }

  private StagedFile stage(Path target, byte[] content, String mode, String owner, String group)
      throws IOException {
    if (usersOwn(owner)) {
      return userFiles.stage(owner, target, content, mode);
    }
    return AtomicFile.stage(target, content, FileMeta.permissions(mode), owner, group);
  }

  private void delete(Path target, String owner) throws IOException {
    if (usersOwn(owner)) {
      userFiles.remove(owner, target);
    } else {
      Files.deleteIfExists(target);
    }
  }

  /**
   * @param before what each path held, from the backups (empty for undo and uninstall)
   * @param unchanged called when a failure left every file as it was
   * @return one line per file changed
   */
  List<String> apply(Plan plan, Map<String, Manifest.Before> before, Runnable unchanged) {
    List<String> lines = new ArrayList<>();
    List<StagedFile> staged = new ArrayList<>();
    Deque<Path> created = new ArrayDeque<>();
    try {
      for (FileWrite w : plan.writes()) {
        Path target = root.resolve(w.path());
        if (!usersOwn(w.owner())) {
          createParents(target.getParent(), created);
        }
        staged.add(stage(target, w.content(), w.mode(), w.owner(), w.group()));
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

  /**
   * Puts one file back as it was before a change: its backup's content, mode and owner, or no file
   * when there was none.
   */
  void putBack(Manifest.Change change, Manifest.Before before) throws IOException {
    Path target = root.resolve(change.path());
    if (before == null) {
      delete(target, change.owner());
      removeEmptyDropInFolder(target.getParent());
      return;
    }
    try (StagedFile s =
        stage(
            target,
            Files.readAllBytes(root.resolve(before.backup())),
            before.mode(),
            before.owner(),
            before.group())) {
      s.commit();
    }
  }

  /** Puts back the files already renamed into place; returns those it could not. */
  private List<String> rollBack(Deque<FileWrite> done, Map<String, Manifest.Before> before) {
    List<String> failed = new ArrayList<>();
    for (FileWrite w : done) {
      Manifest.Before b = before.get(w.path());
      try {
        Path target = root.resolve(w.path());
        if (b == null) {
          delete(target, w.owner());
          continue;
        }
        try (StagedFile s =
            stage(
                target,
                Files.readAllBytes(records.resolve(b.backup())),
                b.mode(),
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

  /** Creates root's missing folders (an account's own folders are made by the account). */
  private static void createParents(Path dir, Deque<Path> created) throws IOException {
    Deque<Path> missing = new ArrayDeque<>();
    for (Path p = dir;
        p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS);
        p = p.getParent()) {
      missing.push(p);
    }
    while (!missing.isEmpty()) {
      Path p = missing.pop();
      Files.createDirectory(p);
      created.push(p);
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

  private static void discard(StagedFile s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // a dot-named temp file is ignored by cron and sudo
    }
  }
}
