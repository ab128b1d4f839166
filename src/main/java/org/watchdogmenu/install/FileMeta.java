package org.watchdogmenu.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import org.watchdogmenu.os.SafeRead;

/**
 * What a file on disk is now: its hash, octal mode, owner and group.
 *
 * @param mode octal with four digits, e.g. {@code 0644}
 */
record FileMeta(String sha256, String mode, String owner, String group) {

  /** The file's facts, or empty when there is no regular file (a symlink is not followed). */
  static Optional<FileMeta> read(Path file) throws IOException {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    PosixFileAttributes a =
        Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    return Optional.of(
        new FileMeta(
            sha256(content(file)),
            octal(a.permissions()),
            a.owner().getName(),
            a.group().getName()));
  }

  /** The bytes of a file the tool replaces: never through a link, a FIFO or past a size cap. */
  static byte[] content(Path file) throws IOException {
    return SafeRead.untrusted(file, CAP);
  }

  /** Larger than anything the tool writes, small enough to read into memory. */
  private static final int CAP = 8 * 1024 * 1024;

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java", e);
    }
  }

  static String octal(Set<PosixFilePermission> permissions) {
    int bits = 0;
    for (PosixFilePermission p : permissions) {
      bits |= 1 << (8 - p.ordinal());
    }
    return String.format("%04o", bits);
  }

  static Set<PosixFilePermission> permissions(String octal) {
    int bits = Integer.parseInt(octal, 8);
    StringBuilder sb = new StringBuilder();
    String letters = "rwxrwxrwx";
    for (int i = 0; i < 9; i++) {
      sb.append((bits & (1 << (8 - i))) != 0 ? letters.charAt(i) : '-');
    }
    return PosixFilePermissions.fromString(sb.toString());
  }
}
