package org.watchdogmenu.os;

import java.io.FileDescriptor;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Opening files that another account may control, and asking the kernel about the file that was
 * opened rather than about a path that may have changed since: {@code /proc/self/fd/N} stands for
 * the open file ({@code fstat}, {@code fchmod} and {@code fchown} through it, the way systemd works
 * on an O_PATH descriptor).
 */
public final class OpenFiles {
  /** How long opening may take: a FIFO swapped in after the check would block {@code open(2)}. */
  static final long OPEN_WAIT_MILLIS = 2000;

  private static final Optional<Field> CHANNEL_FD = field("sun.nio.ch.FileChannelImpl", "fd");
  private static final Optional<Field> FD_INT = field("java.io.FileDescriptor", "fd");

  private static final ExecutorService OPENER =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "watchdog-menu-open");
            t.setDaemon(true);
            return t;
          });

  private OpenFiles() {}

  /**
   * A private field made readable (the jar's manifest opens the JDK packages it needs), or empty
   * when the JVM does not let us.
   */
  static Optional<Field> field(String type, String name) {
    try {
      Field f = Class.forName(type).getDeclaredField(name);
      f.setAccessible(true);
      return Optional.of(f);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * {@code /proc/self/fd/N} of an open channel, or empty when the JVM does not let us see the
   * descriptor (the jar's manifest and the test runner open {@code sun.nio.ch} and {@code
   * java.io}).
   */
  public static Optional<Path> procPath(FileChannel channel) {
    if (CHANNEL_FD.isEmpty() || FD_INT.isEmpty()) {
      return Optional.empty();
    }
    try {
      Object fd = CHANNEL_FD.get().get(channel);
      if (!(fd instanceof FileDescriptor)) {
        return Optional.empty();
      }
      int n = FD_INT.get().getInt(fd);
      return n < 0 ? Optional.empty() : Optional.of(Path.of("/proc/self/fd/" + n));
    } catch (IllegalAccessException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** {@code fstat} of an open channel; empty when the descriptor cannot be seen. */
  public static Optional<FileStat> fstat(FileChannel channel) throws IOException {
    Optional<Path> p = procPath(channel);
    return p.isEmpty() ? Optional.empty() : FileStat.follow(p.get());
  }

  /** Where the kernel says the open file is (the target of {@code /proc/self/fd/N}). */
  public static Optional<Path> location(FileChannel channel) {
    try {
      Optional<Path> p = procPath(channel);
      return p.isEmpty() ? Optional.empty() : Optional.of(Files.readSymbolicLink(p.get()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Opens a file, giving up after {@link #OPEN_WAIT_MILLIS}: opening a FIFO without a writer
   * blocks, and Java cannot ask for O_NONBLOCK. A thread left waiting in such an open is a daemon
   * and ends with the process.
   */
  public static FileChannel open(
      Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
    Future<FileChannel> opening = OPENER.submit(() -> FileChannel.open(path, options, attrs));
    try {
      return opening.get(OPEN_WAIT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      opening.cancel(true);
      throw new UnsafePathException(
          "refusing " + path + ": opening it blocks (a FIFO?); only a regular file is read");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while opening " + path);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException("cannot open " + path + ": " + e.getCause());
    }
  }
}
