package org.watchdogmenu.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.watchdogmenu.os.AtomicFile;
import org.watchdogmenu.os.SafeRead;

/**
 * Remembers between runs since when a process's CPU has been seen high: a small file holding the
 * epoch second of the first high sample. Deleted as soon as a sample is normal.
 */
final class HighCpuMarker {
  /** An epoch second and a newline fit many times over. */
  static final int CAP = 64;

  private final Path file;

  HighCpuMarker(Path file) {
    this.file = file;
  }

  Path file() {
    return file;
  }

  /**
   * When the CPU was first seen high, if it is high now; a marker that does not hold a time counts
   * as none. It is read like a file another account could have planted (no link followed, no FIFO,
   * at most {@link #CAP} bytes): a refusal is an {@link java.io.IOException} with one line.
   */
  Optional<Instant> since() throws IOException {
    try {
      String text = SafeRead.untrustedText(file, CAP).strip();
      return text.matches("\\d{1,12}")
          ? Optional.of(Instant.ofEpochSecond(Long.parseLong(text)))
          : Optional.empty();
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  void mark(Instant since) throws IOException {
    AtomicFile.write(file, since.getEpochSecond() + "\n", null);
  }

  void clear() throws IOException {
    Files.deleteIfExists(file);
  }
}
