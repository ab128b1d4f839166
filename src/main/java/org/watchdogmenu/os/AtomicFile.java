package org.watchdogmenu.os;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.Set;

/**
 * Replaces a file so that a reader (or a crash) sees either the old content or the new, never a
 * part: create a temp file with a random name exclusively in the same folder (never through a
 * link), write and fsync it, set its mode and owner on the open file, rename it over the target,
 * fsync the folder. The temp name starts with a dot, which cron and sudo both ignore. Only folders
 * that no other account can change are written, or shared folders with the sticky bit (where nobody
 * can replace root's temp file); anything else is refused with {@link UnsafePathException}.
 */
public final class AtomicFile {
  /** Whether a replaced file must also survive a crash of the machine. */
  public enum Durability {
    /** The content and the rename are synced to disk before the write returns. */
    SYNCED,
    /**
     * Replaced atomically but not synced: after a crash of the machine the file may hold the old
     * content (or, on some file systems, nothing). For records rewritten at every run that only
     * tell what happened last, where a sync would cost more than everything else of the run.
     */
    UNSYNCED
  }

  /**
   * A new temp file's mode until its own is set: while the content is written, nobody else can read
   * it (alerts.yaml holds secrets).
   */
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private AtomicFile() {}

  public static void write(Path target, String content, Set<PosixFilePermission> mode)
      throws IOException {
    write(target, content.getBytes(StandardCharsets.UTF_8), mode);
  }

  public static void write(Path target, byte[] content, Set<PosixFilePermission> mode)
      throws IOException {
    write(target, content, mode, Durability.SYNCED);
  }

  /** The same, synced or not. */
  public static void write(
      Path target, byte[] content, Set<PosixFilePermission> mode, Durability durability)
      throws IOException {
    try (Staged staged = stage(target, content, mode, null, null, durability)) {
      staged.commit();
    }
  }

  /**
   * Writes the temp file next to {@code target} (content synced, mode and owner set) without
   * touching the target yet: {@link Staged#commit} renames it into place, {@link Staged#close}
   * deletes it if it was never committed.
   *
   * @param owner the account that owns the file, or null to keep the writer's
   * @param group the group of the file, or null to keep the writer's
   */
  public static Staged stage(
      Path target, byte[] content, Set<PosixFilePermission> mode, String owner, String group)
      throws IOException {
    return stage(target, content, mode, owner, group, Durability.SYNCED);
  }

  private static Staged stage(
      Path target,
      byte[] content,
      Set<PosixFilePermission> mode,
      String owner,
      String group,
      Durability durability)
      throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    requireSafeFolder(dir, target);
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      Files.createDirectories(dir);
      requireSafeFolder(dir, target);
    }
    Path temp = dir.resolve("." + target.getFileName() + ".tmp-" + randomSuffix());
    Staged staged = new Staged(temp, target, dir, durability);
    try (FileChannel ch =
        FileChannel.open(
            temp,
            Set.of(
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
            PosixFilePermissions.asFileAttribute(OWNER_ONLY))) {
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        ch.write(buffer);
      }
      if (durability == Durability.SYNCED) {
        ch.force(true);
      }
      // mode and owner on the open file (through /proc/self/fd), never on a path someone swapped
      Path self = OpenFiles.procPath(ch).orElse(temp);
      LinkOption[] how =
          self == temp ? new LinkOption[] {LinkOption.NOFOLLOW_LINKS} : new LinkOption[0];
      if (mode != null) {
        Files.getFileAttributeView(self, PosixFileAttributeView.class, how).setPermissions(mode);
      } else {
        Files.getFileAttributeView(self, PosixFileAttributeView.class, how)
            .setPermissions(defaultMode());
      }
      setOwner(self, owner, group, how);
      return staged;
    } catch (IOException | RuntimeException e) {
      staged.close();
      throw e;
    }
  }

  /**
   * Refuses to write into a folder that another account could change: one owned by another account
   * (a home: written with that account's rights instead), one writable by a group or by everyone
   * without the sticky bit, or a link another account could have planted on the way.
   */
  private static void requireSafeFolder(Path dir, Path target) throws IOException {
    FolderTrust.Verdict v = FolderTrust.of(dir);
    if (v instanceof FolderTrust.Trusted || v instanceof FolderTrust.Sticky) {
      return;
    }
    throw new UnsafePathException(
        "refusing to write "
            + target
            + " as root: "
            + v.words()
            + (v instanceof FolderTrust.OwnedBy o
                ? "; a file there is written with " + o.user() + "'s rights or not at all"
                : "; root writes only where no other account can swap files"));
  }

  private static String randomSuffix() {
    byte[] b = new byte[8];
    // the kernel's random bytes, as SecureRandom reads them, without starting its providers on
    // every run; SecureRandom itself where /dev/urandom cannot be read
    try (java.io.InputStream in = new java.io.FileInputStream("/dev/urandom")) {
      if (in.readNBytes(b, 0, b.length) == b.length) {
        return java.util.HexFormat.of().formatHex(b);
      }
    } catch (IOException e) {
      // below
    }
    Random.SECURE.nextBytes(b);
    return java.util.HexFormat.of().formatHex(b);
  }

  /** Made only when /dev/urandom cannot be read. */
  private static final class Random {
    static final java.security.SecureRandom SECURE = new java.security.SecureRandom();
  }

  /** rw-r--r--, what a file gets when the caller names no mode (the umask's usual result). */
  private static Set<PosixFilePermission> defaultMode() {
    return PosixFilePermissions.fromString("rw-r--r--");
  }

  private static void setOwner(Path file, String owner, String group, LinkOption... how)
      throws IOException {
    UserPrincipalLookupService users = file.getFileSystem().getUserPrincipalLookupService();
    PosixFileAttributeView view =
        Files.getFileAttributeView(file, PosixFileAttributeView.class, how);
    if (owner != null) {
      view.setOwner(users.lookupPrincipalByName(owner));
    }
    if (group != null) {
      view.setGroup(users.lookupPrincipalByGroupName(group));
    }
  }

  private static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException ignored) {
      // some file systems cannot sync a folder; the rename itself is still atomic
    }
  }

  /** A synced temp file waiting to replace its target. */
  public static final class Staged implements StagedFile {
    private final Path temp;
    private final Path target;
    private final Path dir;
    private final Durability durability;
    private boolean committed;

    private Staged(Path temp, Path target, Path dir, Durability durability) {
      this.temp = temp;
      this.target = target;
      this.dir = dir;
      this.durability = durability;
    }

    /** The temp file (a dot name in the target's folder). */
    public Path temp() {
      return temp;
    }

    /** Renames the temp file over the target, atomically. */
    public void commit() throws IOException {
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      committed = true;
      if (durability == Durability.SYNCED) {
        syncDirectory(dir);
      }
    }

    /** Deletes the temp file unless it was committed. */
    @Override
    public void close() throws IOException {
      if (!committed) {
        Files.deleteIfExists(temp);
      }
    }
  }
}
