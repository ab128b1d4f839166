package org.watchdogmenu.os;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An exclusive lock on a file, held across processes (an OS file lock) and across threads of one
 * process (the OS lock alone does not exclude threads of the same JVM). The lock dies with the
 * process that holds it, so a killed run never leaves a stale lock behind. The held lock may be
 * closed by any thread, and closing it twice is harmless.
 *
 * <p>The OS lock is an fcntl (POSIX record) lock, as Java takes it. On Linux it does not exclude a
 * holder of a flock(2) lock on the same file, such as {@code flock -w 10 200} in the tunnel
 * scripts' guide's restart scripts: the two kinds of lock do not see each other.
 */
public final class LockFile {
  // A semaphore, not a ReentrantLock: it is not owned by a thread, so the lock can be released
  // by another thread than the one that took it, and a second acquire on the same thread waits.
  private static final ConcurrentHashMap<Path, Semaphore> IN_PROCESS = new ConcurrentHashMap<>();
  private static final Duration POLL = Duration.ofMillis(50);

  private LockFile() {}

  /** A lock that is held until closed. */
  public interface Held extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Takes the lock, waiting at most {@code timeout}.
   *
   * @return the held lock, or empty when another holder kept it for the whole timeout
   * @throws IOException when the lock file cannot be created or opened
   */
  public static Optional<Held> acquire(Path file, Duration timeout, Clock clock)
      throws IOException {
    Path key = file.toAbsolutePath().normalize();
    Instant deadline = clock.instant().plus(timeout);
    Semaphore local = IN_PROCESS.computeIfAbsent(key, k -> new Semaphore(1));
    try {
      if (!local.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        return Optional.empty();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
    boolean done = false;
    try {
      FileChannel channel = openLockFile(key);
      try {
        while (true) {
          Optional<FileLock> lock = tryLock(channel);
          if (lock.isPresent()) {
            done = true;
            return Optional.of(release(channel, lock.get(), local));
          }
          if (!clock.instant().isBefore(deadline)) {
            channel.close();
            return Optional.empty();
          }
          Thread.sleep(POLL.toMillis());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        channel.close();
        return Optional.empty();
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
    } finally {
      if (!done) {
        local.release();
      }
    }
  }

  /**
   * Opens (or creates) the lock file without following a link, in a folder only root can change,
   * mode 0600: another account cannot plant it, open it, or hold a lock on it.
   */
  private static FileChannel openLockFile(Path key) throws IOException {
    Path dir = key.getParent();
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      FolderTrust.requireTrusted(dir, "a lock");
      Files.createDirectories(dir);
      try {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      } catch (IOException | UnsupportedOperationException ignored) {
        // the folder's trust is checked below in any case
      }
    }
    FolderTrust.requireTrusted(dir, "a lock");
    FileChannel channel =
        FileChannel.open(
            key,
            Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      Optional<FileStat> s = OpenFiles.fstat(channel);
      if (s.isPresent()) {
        if (s.get().type() != FileStat.Type.REGULAR || s.get().links() != 1) {
          throw new UnsafePathException(
              "refusing the lock " + key + ": it is not a plain file of its own; remove it");
        }
        SafeRead.requireOwned(key, s.get(), "the lock");
        if ((s.get().mode() & 077) != 0) {
          Files.setPosixFilePermissions(
              OpenFiles.procPath(channel).orElseThrow(),
              PosixFilePermissions.fromString("rw-------"));
        }
      }
      return channel;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** The lock, or empty while another process (or this one) holds it. */
  private static Optional<FileLock> tryLock(FileChannel channel) throws IOException {
    try {
      return Optional.ofNullable(channel.tryLock());
    } catch (OverlappingFileLockException e) {
      return Optional.empty();
    }
  }

  private static Held release(FileChannel channel, FileLock lock, Semaphore local) {
    AtomicBoolean closed = new AtomicBoolean();
    return () -> {
      if (!closed.compareAndSet(false, true)) {
        return;
      }
      try {
        lock.release();
        channel.close();
      } catch (IOException ignored) {
        // closing the channel releases the lock in any case
      } finally {
        local.release();
      }
    };
  }
}
