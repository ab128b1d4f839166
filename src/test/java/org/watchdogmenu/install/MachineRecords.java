package org.watchdogmenu.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a watchdog-menu installed on this machine owns and a test that writes into the real /etc
 * must leave alone: the manifest and backups under /var/lib/watchdog-menu and the shared logrotate
 * file (the engine's own state there changes as the machine's checks run, and is not the test's
 * business). A snapshot before and after a test proves it did not touch them.
 */
final class MachineRecords {
  private MachineRecords() {}

  /** Each file of the machine's records with its size and hash, or "absent". */
  static List<String> snapshot() throws IOException {
    List<String> lines = new ArrayList<>();
    for (String p : List.of(InstallPaths.MANIFEST, InstallPaths.BACKUPS, InstallPaths.LOGROTATE)) {
      Path path = Path.of(p);
      if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
        lines.add(p + " absent");
        continue;
      }
      try (Stream<Path> all = Files.walk(path)) {
        for (Path f : all.sorted().toList()) {
          lines.add(
              f
                  + (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)
                      ? " " + FileMeta.sha256(Files.readAllBytes(f))
                      : " folder"));
        }
      }
    }
    return lines;
  }
}
