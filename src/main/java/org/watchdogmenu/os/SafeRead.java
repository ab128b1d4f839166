package org.watchdogmenu.os;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Reading files as root without being fooled: never through a link, never a FIFO or a device, never
 * more than a size cap, and (for files that decide what root runs) only files that root owns and
 * nobody else can write, in folders nobody else can change, the way cron refuses a crontab with the
 * wrong owner.
 */
public final class SafeRead {
  /** The cap for configuration files (target files, alerts.yaml, monitor.yaml). */
  public static final int CONFIG_CAP = 1024 * 1024;

  private SafeRead() {}

  /**
   * Reads a file another account may control (a pid file, a pm2 file, a log, a shared state file):
   * a regular file only, not followed through a link, at most {@code cap} bytes.
   *
   * @throws NoSuchFileException when it does not exist
   * @throws UnsafePathException when it is a link, a FIFO, a device or larger than the cap
   */
  public static byte[] untrusted(Path file, int cap) throws IOException {
    FileStat before = regular(file);
    return read(file, before, cap, true);
  }

  /**
   * The last {@code maxBytes} of a file another account may control (a log): a regular file only,
   * never through a link, never a FIFO.
   */
  public static byte[] tail(Path file, int maxBytes) throws IOException {
    FileStat before = regular(file);
    try (FileChannel ch = openChecked(file, before, true)) {
      long size = ch.size();
      long from = Math.max(0, size - maxBytes);
      ByteBuffer buffer = ByteBuffer.allocate((int) (size - from));
      ch.position(from);
      while (buffer.hasRemaining() && ch.read(buffer) >= 0) {
        // fill
      }
      return Arrays.copyOf(buffer.array(), buffer.position());
    }
  }

  /** {@link #untrusted} as UTF-8 text (bad bytes replaced). */
  public static String untrustedText(Path file, int cap) throws IOException {
    return new String(untrusted(file, cap), java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * Reads a file that decides what root runs: it must be a regular file owned by root (or by the
   * account this runs as), not writable by group or others, at most {@code cap} bytes, in a folder
   * that only root can change.
   *
   * @param what the file's role in words, for the refusal ("target file")
   */
  public static byte[] owned(Path file, int cap, String what) throws IOException {
    FileStat s = regular(file);
    requireOwned(file, s, what);
    FolderTrust.Verdict folder = FolderTrust.of(file.toAbsolutePath().getParent());
    if (!(folder instanceof FolderTrust.Trusted)) {
      throw new UnsafePathException(
          "refusing "
              + what
              + " "
              + file
              + ": "
              + folder.words()
              + ", so another account could replace it; keep it in a folder only root can write");
    }
    return read(file, s, cap, false);
  }

  /**
   * Refuses a file root must trust unless root (or this account) owns it and nobody else can write
   * it.
   */
  public static void requireOwned(Path file, FileStat s, String what) throws UnsafePathException {
    if (!Owners.trusted(s.uid())) {
      throw new UnsafePathException(
          "refusing "
              + what
              + " "
              + file
              + ": it belongs to "
              + Owners.name(s.uid())
              + ", not root (wrong file owner); run chown root:root "
              + file);
    }
    if (s.writableByOthers()) {
      throw new UnsafePathException(
          "refusing "
              + what
              + " "
              + file
              + ": it is writable by "
              + ((s.mode() & FileStat.OTHER_WRITE) != 0 ? "everyone" : "its group")
              + " (mode "
              + String.format("%04o", s.mode())
              + "); run chmod go-w "
              + file);
    }
  }

  /** lstat: a regular file, or the refusal that names what it is. */
  public static FileStat regular(Path file) throws IOException {
    Optional<FileStat> s = FileStat.lstat(file);
    if (s.isEmpty()) {
      throw new NoSuchFileException(file.toString());
    }
    if (s.get().type() != FileStat.Type.REGULAR) {
      throw new UnsafePathException(
          "refusing " + file + ": it is " + s.get().typeWords() + ", not a regular file");
    }
    return s.get();
  }

  private static byte[] read(Path file, FileStat before, int cap, boolean bounded)
      throws IOException {
    if (before.size() > cap) {
      throw tooLarge(file, cap);
    }
    try (FileChannel ch = openChecked(file, before, bounded)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(before.size(), cap));
      ByteBuffer buffer = ByteBuffer.allocate(65536);
      while (ch.read(buffer) >= 0) {
        buffer.flip();
        out.write(buffer.array(), 0, buffer.limit());
        buffer.clear();
        if (out.size() > cap) {
          throw tooLarge(file, cap);
        }
      }
      return out.toByteArray();
    }
  }

  /**
   * Opens for reading, never through a link, the very file {@code before} describes: a file swapped
   * in between the check and the open (a FIFO, another file) is refused.
   *
   * @param bounded give up after a moment (the folder is one another account can change)
   */
  private static FileChannel openChecked(Path file, FileStat before, boolean bounded)
      throws IOException {
    Set<OpenOption> options = Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    FileChannel ch = bounded ? OpenFiles.open(file, options) : FileChannel.open(file, options);
    Optional<FileStat> opened = OpenFiles.fstat(ch);
    if (opened.isPresent()
        && (opened.get().type() != FileStat.Type.REGULAR
            || !opened.get().key().equals(before.key()))) {
      ch.close();
      throw new UnsafePathException.Replaced(file);
    }
    return ch;
  }

  private static UnsafePathException tooLarge(Path file, int cap) {
    return new UnsafePathException(
        "refusing "
            + file
            + ": it is larger than "
            + (cap >= 1024 * 1024 ? cap / (1024 * 1024) + " MiB" : cap / 1024 + " KiB"));
  }
}
