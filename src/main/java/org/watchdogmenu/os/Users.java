package org.watchdogmenu.os;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/** Facts about local accounts, read from the real {@code /etc/passwd}. */
public final class Users {
  /** What a safe account name looks like (Debian's adduser rule, plus upper case). */
  public static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,31}");

  private static final Path PASSWD = Path.of("/etc/passwd");

  private Users() {}

  public static boolean isValidName(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  /** The home folder of a user, if the account exists. */
  public static Optional<Path> home(String user) {
    return field(user, 5).map(Path::of);
  }

  /** The numeric id of a user, if the account exists. */
  public static Optional<Integer> uid(String user) {
    return field(user, 2).map(Integer::valueOf);
  }

  private static Optional<String> field(String user, int index) {
    try {
      for (String line : Files.readAllLines(PASSWD)) {
        String[] f = line.split(":", -1);
        if (f.length > index && f[0].equals(user)) {
          return Optional.of(f[index]);
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
