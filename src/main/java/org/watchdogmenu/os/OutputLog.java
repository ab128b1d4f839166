package org.watchdogmenu.os;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The log file a command's output is appended to ({@link Command#appendOutputTo}), opened by root
 * without being fooled, even in a folder that belongs to the service's account ({@code
 * /home/USER/...}):
 *
 * <ul>
 *   <li>refused when {@link FolderTrust} refuses the folder (a link another account could change);
 *   <li>opened without following a link, and created only in a folder only root can change
 *       (elsewhere it must exist already: the engine's own log line before a restart makes it);
 *   <li>the open file must be a regular file with one link, owned by root or by the owner of its
 *       folder, and the kernel must place it where the path says with no link on the way but root's
 *       own: a folder swapped for a link after the check is caught here;
 *   <li>the child gets {@code /proc/self/fd/N} of this very file, which the JVM reopens with {@code
 *       O_APPEND} before it forks, so nothing is looked up by name again.
 * </ul>
 */
final class OutputLog implements AutoCloseable {
  private static final int MAX_LINKS = 40;

  private final FileChannel channel;
  private final Path forChild;
  private final long start;

  private OutputLog(FileChannel channel, Path forChild, long start) {
    this.channel = channel;
    this.forChild = forChild;
    this.start = start;
  }

  /** The log, opened, or why it cannot be used. */
  sealed interface Opening permits Opened, Refused {}

  record Opened(OutputLog log) implements Opening {}

  record Refused(String why) implements Opening {}

  /** {@code /proc/self/fd/N} of the open log, for {@code ProcessBuilder.Redirect.appendTo}. */
  Path forChild() {
    return forChild;
  }

  /** The last {@code cap} bytes appended since it was opened, as text. */
  String appended(int cap) {
    try {
      long end = channel.size();
      long from = Math.max(start, end - cap);
      if (end <= from) {
        return "";
      }
      ByteBuffer buf = ByteBuffer.allocate((int) (end - from));
      while (buf.hasRemaining()) {
        if (channel.read(buf, from + buf.position()) < 0) {
          break;
        }
      }
      return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException ignored) {
      // nothing was written through this channel
    }
  }

  static Opening open(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    Path dir = abs.getParent();
    if (dir == null || abs.getFileName() == null) {
      return new Refused(file + " is not a file name");
    }
    try {
      FolderTrust.Verdict verdict = FolderTrust.of(dir);
      if (verdict instanceof FolderTrust.Refused) {
        return new Refused(verdict.words());
      }
      boolean rootOnly = verdict instanceof FolderTrust.Trusted;
      if (rootOnly && !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectories(dir);
      }
      Optional<Path> real = realFolder(dir);
      if (real.isEmpty()) {
        return new Refused(
            dir + " does not exist or has a link on the way that another account could change");
      }
      Set<OpenOption> options = new HashSet<>();
      options.add(StandardOpenOption.READ);
      options.add(StandardOpenOption.WRITE);
      options.add(LinkOption.NOFOLLOW_LINKS);
      if (rootOnly) {
        options.add(StandardOpenOption.CREATE);
      }
      FileChannel ch;
      try {
        ch = OpenFiles.open(abs, options);
      } catch (NoSuchFileException e) {
        return new Refused(
            abs + " does not exist, and " + verdict.words() + ", so root does not create it");
      } catch (FileSystemException e) {
        return new Refused(abs + ": " + (e.getReason() == null ? e.toString() : e.getReason()));
      }
      String problem = check(ch, abs, real.get());
      if (problem != null) {
        ch.close();
        return new Refused(problem);
      }
      return new Opened(new OutputLog(ch, OpenFiles.procPath(ch).orElseThrow(), ch.size()));
    } catch (IOException | RuntimeException e) {
      return new Refused(abs + ": " + e.getMessage());
    }
  }

  /** Why the open file must not be used, or null. */
  static String check(FileChannel ch, Path abs, Path realDir) throws IOException {
    Optional<FileStat> stat = OpenFiles.fstat(ch);
    Optional<Path> at = OpenFiles.location(ch);
    if (stat.isEmpty() || at.isEmpty() || OpenFiles.procPath(ch).isEmpty()) {
      return abs + " cannot be checked once open (the JVM hides its descriptor)";
    }
    FileStat s = stat.get();
    if (s.type() != FileStat.Type.REGULAR) {
      return abs + " is " + s.typeWords() + ", not a regular file";
    }
    if (s.links() != 1) {
      return abs + " has " + s.links() + " hard links";
    }
    int folderOwner = FileStat.lstat(realDir).map(FileStat::uid).orElse(-1);
    if (!Owners.trusted(s.uid()) && s.uid() != folderOwner) {
      return abs + " belongs to " + Owners.name(s.uid()) + ", not to root or the folder's owner";
    }
    Path expected = realDir.resolve(abs.getFileName());
    if (!at.get().equals(expected)) {
      return abs + " was opened as " + at.get() + ": something on the way changed";
    }
    return null;
  }

  /**
   * The folder's path as the kernel names it, following only links that root placed where only root
   * can change them; empty when it does not exist or the way has any other link.
   */
  static Optional<Path> realFolder(Path dir) throws IOException {
    Deque<Path> todo = new ArrayDeque<>();
    for (Path part : dir.toAbsolutePath().normalize()) {
      todo.addLast(part);
    }
    Path at = Path.of("/");
    Way way = Way.of(at, Way.ROOT_ONLY);
    int links = 0;
    while (!todo.isEmpty()) {
      Path name = todo.removeFirst();
      if (name.toString().equals("..")) {
        at = at.getParent() == null ? at : at.getParent();
        continue;
      }
      if (name.toString().equals(".")) {
        continue;
      }
      Path next = at.resolve(name);
      Optional<FileStat> stat = FileStat.lstat(next);
      if (stat.isEmpty()) {
        return Optional.empty();
      }
      FileStat s = stat.get();
      if (s.type() == FileStat.Type.LINK) {
        if (way != Way.ROOT_ONLY || !Owners.trusted(s.uid()) || ++links > MAX_LINKS) {
          return Optional.empty();
        }
        Path target = Files.readSymbolicLink(next);
        Deque<Path> rest = new ArrayDeque<>();
        target.forEach(rest::addLast);
        rest.addAll(todo);
        todo = rest;
        if (target.isAbsolute()) {
          at = Path.of("/");
          way = Way.of(at, Way.ROOT_ONLY);
        }
        continue;
      }
      if (s.type() != FileStat.Type.DIRECTORY) {
        return Optional.empty();
      }
      way = way.then(s);
      at = next;
    }
    return Optional.of(at);
  }

  /** Who can change the way so far (as {@link FolderTrust} judges it). */
  private enum Way {
    /** Only root: its links are followed. */
    ROOT_ONLY,
    /** A sticky folder everyone may add to: root's own folders in it are root's again. */
    STICKY,
    /** Another account: nothing below is followed. */
    OTHER;

    static Way of(Path dir, Way parent) throws IOException {
      return parent.then(FileStat.lstat(dir).orElseThrow());
    }

    Way then(FileStat folder) {
      if (this == OTHER || !Owners.trusted(folder.uid())) {
        return OTHER;
      }
      if (folder.writableByOthers()) {
        return folder.sticky() ? STICKY : OTHER;
      }
      return ROOT_ONLY;
    }
  }
}
