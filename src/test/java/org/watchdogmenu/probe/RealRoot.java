package org.watchdogmenu.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;

/**
 * A host for tests that touch real processes and sockets: the root is a temp folder, so pid files
 * and probe state stay there, but its {@code /proc} and {@code /root} are links to the real ones.
 */
final class RealRoot {
  private RealRoot() {}

  static Host in(Path dir) throws IOException {
    Files.createSymbolicLink(dir.resolve("proc"), Path.of("/proc"));
    Files.createSymbolicLink(dir.resolve("root"), Path.of("/root"));
    return Host.system(new HostRoot(dir));
  }

  /** Removes the links again, so that cleaning up the temp folder never looks behind them. */
  static void unlink(Path dir) throws IOException {
    Files.deleteIfExists(dir.resolve("proc"));
    Files.deleteIfExists(dir.resolve("root"));
  }
}
