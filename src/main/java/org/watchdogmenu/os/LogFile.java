package org.watchdogmenu.os;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * Opens a log file for appending as root without being turned against the machine: never through a
 * link, never a FIFO, only a regular file with one link. In a folder that belongs to another
 * account (a service's logs in its home) root never creates anything: a missing log is made by that
 * account ({@link UserFiles#touch}), and the file that was opened must be the one the path names,
 * owned by root or by that account.
 */
public final class LogFile {
  private static final Set<OpenOption> APPEND =
      Set.of(StandardOpenOption.WRITE, StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS);
  private static final Set<OpenOption> CREATE_APPEND =
      Set.of(
          StandardOpenOption.CREATE,
          StandardOpenOption.WRITE,
          StandardOpenOption.APPEND,
          LinkOption.NOFOLLOW_LINKS);

  private LogFile() {}

  /**
   * Opens {@code file} for appending.
   *
   * @param userFiles makes a missing log in another account's folder as that account; null to
   *     refuse instead
   * @throws UnsafePathException when the file or a folder on its way could have been planted by
   *     another account
   */
  public static FileChannel openAppend(Path file, UserFiles userFiles) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    FolderTrust.Verdict folder = FolderTrust.of(dir);
    Optional<FileStat> existing = FileStat.lstat(file);
    if (existing.isPresent() && existing.get().type() != FileStat.Type.REGULAR) {
      throw refusal(file, "it is " + existing.get().typeWords() + ", not a regular file");
    }
    if (folder instanceof FolderTrust.Refused) {
      throw refusal(file, folder.words());
    }
    if (folder instanceof FolderTrust.OwnedBy o) {
      if (existing.isEmpty()) {
        if (userFiles == null) {
          throw new UnsafePathException(
              "not writing log "
                  + file
                  + ": it is missing and "
                  + o.words()
                  + "; create it as "
                  + o.user());
        }
        userFiles.touch(o.user(), file);
      }
      return verified(file, OpenFiles.open(file, APPEND), o.uid());
    }
    if (folder instanceof FolderTrust.Trusted) {
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectories(dir);
        FolderTrust.requireTrusted(dir, "a log");
      }
      return verified(file, FileChannel.open(file, CREATE_APPEND, mode()), -1);
    }
    // a shared folder (sticky, or writable by a group such as Ubuntu's /var/log): a FIFO could be
    // swapped in, so the open is bounded, and the result is checked
    return verified(file, OpenFiles.open(file, CREATE_APPEND, mode()), -1);
  }

  private static java.nio.file.attribute.FileAttribute<?> mode() {
    return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--"));
  }

  /**
   * The open file is the regular, singly linked file the path names, owned by root or {@code uid}.
   */
  static FileChannel verified(Path file, FileChannel ch, int uid) throws IOException {
    try {
      Optional<FileStat> s = OpenFiles.fstat(ch);
      if (s.isPresent()) {
        FileStat st = s.get();
        if (st.type() != FileStat.Type.REGULAR) {
          throw refusal(file, "it is " + st.typeWords());
        }
        if (st.links() != 1) {
          throw refusal(
              file, "it has " + st.links() + " hard links (it may be another file's name)");
        }
        if (!Owners.trusted(st.uid()) && st.uid() != uid) {
          throw refusal(file, "it belongs to " + Owners.name(st.uid()));
        }
        Optional<Path> at = OpenFiles.location(ch);
        Optional<Path> folder = FolderTrust.realPath(file.toAbsolutePath().getParent());
        if (at.isPresent()
            && (folder.isEmpty() || !at.get().equals(folder.get().resolve(file.getFileName())))) {
          throw refusal(
              file,
              "something on its way changed while it was opened (it led to " + at.get() + ")");
        }
      }
      return ch;
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  private static UnsafePathException refusal(Path file, String why) {
    return new UnsafePathException("not writing log " + file + ": " + why);
  }
}
