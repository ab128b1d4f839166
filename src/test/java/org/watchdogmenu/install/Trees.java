package org.watchdogmenu.install;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Snapshots of a folder tree: every path with its mode and content, to compare byte for byte. */
final class Trees {
  private Trees() {}

  static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> all = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.forEach(
          p -> {
            try {
              String key = root.relativize(p).toString();
              String mode =
                  FileMeta.octal(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
              String value =
                  Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                      ? mode + " " + Base64.getEncoder().encodeToString(Files.readAllBytes(p))
                      : mode + " dir";
              all.put(key, value);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
    return all;
  }
}
