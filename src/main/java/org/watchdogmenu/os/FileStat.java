package org.watchdogmenu.os;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code lstat(2)} (or {@code fstat(2)} through {@code /proc/self/fd}) says of a file: its
 * type, owner, mode bits, link count and identity (device and inode).
 */
public record FileStat(Type type, int uid, int gid, int mode, int links, long size, Object key) {

  /** The kind of file. */
  public enum Type {
    REGULAR,
    DIRECTORY,
    LINK,
    FIFO,
    OTHER
  }

  static final int STICKY = 01000;
  static final int GROUP_WRITE = 020;
  static final int OTHER_WRITE = 02;

  /** The file itself, never what a link points to; empty when it does not exist. */
  public static Optional<FileStat> lstat(Path path) throws IOException {
    return stat(path, LinkOption.NOFOLLOW_LINKS);
  }

  /** What the path leads to (following links, including {@code /proc/self/fd} entries). */
  static Optional<FileStat> follow(Path path) throws IOException {
    return stat(path);
  }

  private static Optional<FileStat> stat(Path path, LinkOption... options) throws IOException {
    Map<String, Object> a;
    try {
      a = Files.readAttributes(path, "unix:mode,uid,gid,nlink,size,fileKey", options);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      throw new IOException("cannot read the owner and mode of " + path);
    }
    int mode = (Integer) a.get("mode");
    return Optional.of(
        new FileStat(
            typeOf(mode),
            (Integer) a.get("uid"),
            (Integer) a.get("gid"),
            mode & 07777,
            (Integer) a.get("nlink"),
            (Long) a.get("size"),
            a.get("fileKey")));
  }

  private static Type typeOf(int mode) {
    switch (mode & 0170000) {
      case 0100000:
        return Type.REGULAR;
      case 0040000:
        return Type.DIRECTORY;
      case 0120000:
        return Type.LINK;
      case 0010000:
        return Type.FIFO;
      default:
        return Type.OTHER;
    }
  }

  /** Writable by the group or by everyone. */
  public boolean writableByOthers() {
    return (mode & (GROUP_WRITE | OTHER_WRITE)) != 0;
  }

  public boolean sticky() {
    return (mode & STICKY) != 0;
  }

  /** The type in words, for refusals: "a FIFO", "a link". */
  public String typeWords() {
    switch (type) {
      case REGULAR:
        return "a regular file";
      case DIRECTORY:
        return "a folder";
      case LINK:
        return "a link";
      case FIFO:
        return "a FIFO";
      default:
        return "a device or socket";
    }
  }
}
