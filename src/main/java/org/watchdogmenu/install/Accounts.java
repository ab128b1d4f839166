package org.watchdogmenu.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.watchdogmenu.os.HostRoot;

/** Accounts as the root's /etc/passwd and /etc/group describe them (a sandbox has its own). */
final class Accounts {
  private static final String PASSWD = "/etc/passwd";
  private static final String GROUP = "/etc/group";

  private final HostRoot root;

  Accounts(HostRoot root) {
    this.root = root;
  }

  Optional<String> home(String user) {
    return field(PASSWD, user, 0, 5);
  }

  /** Whether the account is in the root's /etc/passwd. */
  boolean exists(String user) {
    return field(PASSWD, user, 0, 0).isPresent();
  }

  /** Whether the group is in the root's /etc/group. */
  boolean groupExists(String group) {
    return field(GROUP, group, 0, 0).isPresent();
  }

  /** The name of the user's primary group, or the user's own name when it cannot be read. */
  String group(String user) {
    return field(PASSWD, user, 0, 3).flatMap(gid -> field(GROUP, gid, 2, 0)).orElse(user);
  }

  /** The account name of a user id, or the number when the root's /etc/passwd does not have it. */
  String userName(int uid) {
    return field(PASSWD, String.valueOf(uid), 2, 0).orElse(String.valueOf(uid));
  }

  /** The name of a group id, or the number when the root's /etc/group does not have it. */
  String groupName(int gid) {
    return field(GROUP, String.valueOf(gid), 2, 0).orElse(String.valueOf(gid));
  }

  /** Field {@code index} of the first line whose field {@code key} is {@code value}. */
  private Optional<String> field(String file, String value, int key, int index) {
    Path p = root.resolve(file);
    try {
      for (String line : Files.readAllLines(p)) {
        String[] f = line.split(":", -1);
        if (f.length > Math.max(key, index) && f[key].equals(value)) {
          return Optional.of(f[index]);
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
