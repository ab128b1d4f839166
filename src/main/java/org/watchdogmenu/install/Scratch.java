package org.watchdogmenu.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A private temp folder for a validator's copies, deleted on close. */
final class Scratch implements AutoCloseable {
  private final Path dir;

  Scratch() {
    try {
      dir = Files.createTempDirectory("watchdog-menu-check-");
    } catch (IOException e) {
      throw new InstallException("cannot create a temp folder to validate in: " + e.getMessage());
    }
  }

  Path dir() {
    return dir;
  }

  /** Writes {@code content} to {@code relative} inside the folder, 0644. */
  Path write(String relative, byte[] content) {
    try {
      Path p = dir.resolve(relative);
      Files.createDirectories(p.getParent());
      Files.write(p, content);
      Files.setPosixFilePermissions(p, FileMeta.permissions("0644"));
      return p;
    } catch (IOException e) {
      throw new InstallException("cannot write a copy to validate: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temp folder left behind is harmless
    }
  }
}
