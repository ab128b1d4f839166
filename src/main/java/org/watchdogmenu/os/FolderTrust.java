package org.watchdogmenu.os;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Who could change what a folder path leads to. The path is walked from {@code /} one component at
 * a time without following links: a link is followed only when root (or this process's account)
 * owns it and nobody else can change the folder it stands in, and then its target is walked the
 * same way. A part that does not exist yet takes the verdict of the folder it would be created in.
 */
public final class FolderTrust {
  private static final int MAX_LINKS = 40;

  private FolderTrust() {}

  /** What the walk found. */
  public sealed interface Verdict {
    /** One line for a refusal: "PATH is ...". */
    String words();
  }

  /** Only root (or this account) can change anything on the way. */
  public record Trusted(Path folder) implements Verdict {
    @Override
    public String words() {
      return folder + " can be changed only by root";
    }
  }

  /**
   * Root's up to a folder that everyone may add to but where nobody may replace what another
   * account owns (the sticky bit, as on {@code /tmp} and {@code /var/tmp}): root's own files there
   * are safe, names anyone may have planted are not.
   */
  public record Sticky(Path folder) implements Verdict {
    @Override
    public String words() {
      return folder + " is a shared folder (others may create files in it)";
    }
  }

  /** A folder on the way belongs to another account, which can change everything below it. */
  public record OwnedBy(Path folder, int uid, String user) implements Verdict {
    @Override
    public String words() {
      return folder + " belongs to " + user;
    }
  }

  /** A folder on the way is writable by its group or by everyone, without the sticky bit. */
  public record Shared(Path folder, FileStat stat) implements Verdict {
    @Override
    public String words() {
      return folder
          + " is writable by "
          + ((stat.mode() & FileStat.OTHER_WRITE) != 0 ? "everyone" : "its group");
    }
  }

  /** Something on the way is not a folder, or is a link another account could have planted. */
  public record Refused(Path folder, String reason) implements Verdict {
    @Override
    public String words() {
      return folder + " " + reason;
    }
  }

  /** Walks {@code folder} (absolute). */
  public static Verdict of(Path folder) throws IOException {
    return walk(folder).verdict();
  }

  /**
   * The folder's path as the kernel names it, following only links that root placed where only root
   * can change them; empty when a part of it is missing, is not a folder, or is a link another
   * account could have placed. An open file's {@code /proc/self/fd} name is compared with it to
   * catch a folder swapped for a link between a check and an open.
   */
  public static Optional<Path> realPath(Path folder) throws IOException {
    Walk w = walk(folder);
    return w.complete() && !(w.verdict() instanceof Refused)
        ? Optional.of(w.reached())
        : Optional.empty();
  }

  /** Where a walk got to, and what it found on the way. */
  private record Walk(Verdict verdict, Path reached, boolean complete) {}

  private static Walk walk(Path folder) throws IOException {
    Deque<Path> todo = new ArrayDeque<>();
    for (Path part : folder.toAbsolutePath().normalize()) {
      todo.addLast(part);
    }
    Path at = Path.of("/");
    Verdict verdict = judge(at, FileStat.lstat(at).orElseThrow(), new Trusted(at));
    int links = 0;
    while (!todo.isEmpty()) {
      Path name = todo.removeFirst();
      if (name.toString().equals(".")) {
        continue;
      }
      if (name.toString().equals("..")) {
        at = at.getParent() == null ? at : at.getParent();
        continue;
      }
      Path next = at.resolve(name);
      Optional<FileStat> stat = FileStat.lstat(next);
      if (stat.isEmpty()) {
        return new Walk(verdict, at, false);
      }
      FileStat s = stat.get();
      if (s.type() == FileStat.Type.LINK) {
        if (!(verdict instanceof Trusted) || !Owners.trusted(s.uid())) {
          return new Walk(
              new Refused(next, "is a link that " + Owners.name(s.uid()) + " could change"),
              at,
              false);
        }
        if (++links > MAX_LINKS) {
          return new Walk(new Refused(next, "leads through too many links"), at, false);
        }
        Path target = Files.readSymbolicLink(next);
        Deque<Path> rest = new ArrayDeque<>();
        target.forEach(rest::addLast);
        rest.addAll(todo);
        todo = rest;
        if (target.isAbsolute()) {
          at = Path.of("/");
          verdict = judge(at, FileStat.lstat(at).orElseThrow(), new Trusted(at));
        }
        continue;
      }
      if (s.type() != FileStat.Type.DIRECTORY) {
        return new Walk(new Refused(next, "is " + s.typeWords() + ", not a folder"), at, false);
      }
      verdict = judge(next, s, verdict);
      at = next;
    }
    return new Walk(verdict, at, true);
  }

  /** The verdict for {@code dir}, given the verdict of the folder it stands in. */
  private static Verdict judge(Path dir, FileStat s, Verdict parent) {
    if (parent instanceof OwnedBy || parent instanceof Shared) {
      return parent;
    }
    if (parent instanceof Sticky && !Owners.trusted(s.uid())) {
      // a folder another account made in /tmp: theirs
      return new OwnedBy(dir, s.uid(), Owners.name(s.uid()));
    }
    if (!Owners.trusted(s.uid())) {
      return new OwnedBy(dir, s.uid(), Owners.name(s.uid()));
    }
    if (s.writableByOthers()) {
      return s.sticky() ? new Sticky(dir) : new Shared(dir, s);
    }
    return new Trusted(dir);
  }

  /**
   * Refuses anything but a folder only root can change, for files that decide what root does
   * (locks, restart history, configuration).
   */
  public static void requireTrusted(Path folder, String what) throws IOException {
    Verdict v = of(folder);
    if (!(v instanceof Trusted)) {
      throw new UnsafePathException(
          "refusing "
              + what
              + " in "
              + folder
              + ": "
              + v.words()
              + "; keep it in a folder only root can write");
    }
  }
}
