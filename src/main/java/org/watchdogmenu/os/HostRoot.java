package org.watchdogmenu.os;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder that stands for {@code /}. Every host path the tool reads or writes goes through here,
 * so a whole install can be tried in a sandbox with {@code --root}.
 */
public record HostRoot(Path dir) {

  public static final HostRoot SYSTEM = new HostRoot(Path.of("/"));

  public HostRoot {
    dir = dir.toAbsolutePath().normalize();
  }

  /**
   * The real location of an absolute host path.
   *
   * @throws IllegalArgumentException if the path is relative or climbs with {@code ..}
   */
  public Path resolve(String hostPath) {
    if (hostPath == null || !hostPath.startsWith("/")) {
      throw new IllegalArgumentException(
          "'" + hostPath + "' is not an absolute path: start it with /");
    }
    Path relative = Path.of(hostPath.substring(1));
    for (Path part : relative) {
      if (part.toString().equals("..")) {
        throw new IllegalArgumentException(
            "'" + hostPath + "' climbs with '..': write the path without it");
      }
    }
    return dir.resolve(relative).normalize();
  }

  /**
   * The real location of a path under {@code /proc}: the root's own {@code proc} folder when it has
   * one (a test that fakes the kernel's tables), else the machine's {@code /proc}, because
   * processes and sockets are never part of a sandbox.
   */
  public Path resolveProc(String procPath) {
    if (!procPath.equals("/proc") && !procPath.startsWith("/proc/")) {
      throw new IllegalArgumentException("'" + procPath + "' is not under /proc");
    }
    return Files.isDirectory(dir.resolve("proc")) ? resolve(procPath) : Path.of(procPath);
  }

  public boolean isSystem() {
    return dir.equals(SYSTEM.dir);
  }
}
