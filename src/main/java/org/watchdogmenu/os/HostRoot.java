package org.watchdogmenu.os;

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

  public boolean isSystem() {
    return dir.equals(SYSTEM.dir);
  }
}
