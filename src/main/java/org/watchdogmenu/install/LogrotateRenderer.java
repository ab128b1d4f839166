package org.watchdogmenu.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.watchdogmenu.os.HostRoot;

/**
 * Renders /etc/logrotate.d/watchdog-menu: a block for the logs root rotates, and one block with
 * {@code su USER GROUP} for each account that controls the folder of other logs. logrotate then
 * rotates in a folder that another account owns (a home, the camera platform's logs) with that
 * account's rights, never as root, which is also what logrotate asks for when such a folder is
 * writable by a group. A log in a folder that every account may write is not rotated at all.
 */
final class LogrotateRenderer {
  /** Who rotates a log: root ({@code null} su), an account, or no one (unsafe folder). */
  private record Rotation(String su, String unsafe) {
    static final Rotation ROOT = new Rotation(null, null);
  }

  private LogrotateRenderer() {}

  /**
   * The file for these logs (real paths, under the root already), each folder's owner read without
   * following links and named from the root's /etc/passwd and /etc/group.
   *
   * @param warn told about each log that is not rotated, and why
   */
  static FileWrite render(HostRoot root, SortedSet<String> logs, Consumer<String> warn) {
    logs.forEach(l -> Names.path("log file", l));
    Accounts accounts = new Accounts(root);
    Map<String, SortedSet<String>> bySu = new TreeMap<>();
    SortedSet<String> asRoot = new TreeSet<>();
    for (String log : logs) {
      Rotation r = rotation(root, accounts, Path.of(log));
      if (r.unsafe() != null) {
        warn.accept(
            log
                + " is not rotated: "
                + r.unsafe()
                + "; keep the log in a folder that only its owner can write");
      } else if (r.su() == null) {
        asRoot.add(log);
      } else {
        bySu.computeIfAbsent(r.su(), k -> new TreeSet<>()).add(log);
      }
    }
    List<String> blocks = new ArrayList<>();
    if (!asRoot.isEmpty()) {
      blocks.add(block(asRoot, ""));
    }
    bySu.forEach((su, some) -> blocks.add(block(some, "    su " + su + "\n")));
    String text = Templates.fill("logrotate", Map.of("blocks", String.join("\n", blocks)));
    return FileWrite.of(
        InstallPaths.LOGROTATE,
        text,
        FileKind.LOGROTATE,
        "0644",
        "root",
        FeatureKey.Single.LOGROTATE);
  }

  private static String block(SortedSet<String> logs, String su) {
    return Templates.fill("logrotate-block", Map.of("logs", String.join("\n", logs), "su", su));
  }

  /**
   * From the log's folder (or the nearest one that exists) up to the root: the first folder owned
   * by another account decides ({@code su OWNER GROUP}); a folder of root's that a group may write
   * gets {@code su root GROUP}, as logrotate asks; when every account may write the folder (or,
   * without the sticky bit, a folder above it) the log is not rotated.
   */
  private static Rotation rotation(HostRoot root, Accounts accounts, Path log) {
    Path top = log.startsWith(root.dir()) ? root.dir() : log.getRoot();
    Path folder = log.getParent();
    while (!folder.equals(top) && !Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
      folder = folder.getParent();
    }
    Rotation found = Rotation.ROOT;
    for (Path p = folder; p != null; p = p.getParent()) {
      boolean first = p.equals(folder);
      Optional<int[]> stat = stat(p, first);
      if (stat.isPresent()) {
        int uid = stat.get()[0];
        int gid = stat.get()[1];
        int mode = stat.get()[2];
        if (uid != 0) {
          return new Rotation(accounts.userName(uid) + " " + accounts.groupName(gid), null);
        }
        if ((mode & 02) != 0 && (first || (mode & 01000) == 0)) {
          return new Rotation(null, p + " is writable by every account");
        }
        if (first && (mode & 020) != 0 && gid != 0) {
          found = new Rotation("root " + accounts.groupName(gid), null);
        }
      }
      if (p.equals(top)) {
        break;
      }
    }
    return found;
  }

  /**
   * uid, gid and mode of a folder; the first one is read through a link, as logrotate does, but a
   * link owned by another account counts as theirs; other links of root's are passed over.
   */
  private static Optional<int[]> stat(Path p, boolean follow) {
    try {
      int[] link = attributes(p, LinkOption.NOFOLLOW_LINKS);
      if (follow && Files.isSymbolicLink(p) && link[0] == 0) {
        return Optional.of(attributes(p));
      }
      return Files.isSymbolicLink(p) && link[0] == 0 ? Optional.empty() : Optional.of(link);
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty();
    }
  }

  private static int[] attributes(Path p, LinkOption... options) throws IOException {
    return new int[] {
      (Integer) Files.getAttribute(p, "unix:uid", options),
      (Integer) Files.getAttribute(p, "unix:gid", options),
      (Integer) Files.getAttribute(p, "unix:mode", options)
    };
  }
}
