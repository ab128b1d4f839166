package org.watchdogmenu.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.watchdogmenu.os.HostRoot;

/** Accounts as the root's /etc/passwd and /etc/group describe them (a sandbox has its own). */
final class Accounts {
  private final HostRoot root;

  Accounts(HostRoot root) {
    this.root = root;
  }

  Optional<String> home(String user) {
    return field("/etc/passwd", user, 5);
  }

  /** The name of the user's primary group, or the user's own name when it cannot be read. */
  String group(String user) {
    Optional<String> gid = field("/etc/passwd", user, 3);
    if (gid.isPresent()) {
      try {
        for (String line : Files.readAllLines(root.resolve("/etc/group"))) {
          String[] f = line.split(":", -1);
          if (f.length > 2 && f[2].equals(gid.get())) {
            return f[0];
          }
        }
      } catch (IOException e) {
        return user;
      }
    }
    return user;
  }

  private Optional<String> field(String file, String name, int index) {
    Path p = root.resolve(file);
    try {
      for (String line : Files.readAllLines(p)) {
        String[] f = line.split(":", -1);
        if (f.length > index && f[0].equals(name)) {
          return Optional.of(f[index]);
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
