package org.watchdogmenu.os;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.Set;

/**
 * Replaces a file so that a reader (or a crash) sees either the old content or the new, never a
 * part: write a temp file in the same folder, fsync it, set its mode and owner, rename it over the
 * target, fsync the folder. The temp name starts with a dot, which cron and sudo both ignore.
 */
public final class AtomicFile {
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
    try (Staged staged = stage(target, content, mode, null, null)) {
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
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = dir.resolve("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid());
    Staged staged = new Staged(temp, target, dir);
    try {
      try (FileChannel ch =
          FileChannel.open(
              temp,
              Set.of(
                  StandardOpenOption.CREATE,
                  StandardOpenOption.TRUNCATE_EXISTING,
                  StandardOpenOption.WRITE),
              mode == null
                  ? new FileAttribute<?>[0]
                  : new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)})) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          ch.write(buffer);
        }
        ch.force(true);
      }
      if (mode != null) {
        Files.setPosixFilePermissions(temp, mode);
      }
      setOwner(temp, owner, group);
      return staged;
    } catch (IOException | RuntimeException e) {
      staged.close();
      throw e;
    }
  }

  private static void setOwner(Path file, String owner, String group) throws IOException {
    UserPrincipalLookupService users = file.getFileSystem().getUserPrincipalLookupService();
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
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
  public static final class Staged implements AutoCloseable {
    private final Path temp;
    private final Path target;
    private final Path dir;
    private boolean committed;

    private Staged(Path temp, Path target, Path dir) {
      this.temp = temp;
      this.target = target;
      this.dir = dir;
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
      syncDirectory(dir);
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
