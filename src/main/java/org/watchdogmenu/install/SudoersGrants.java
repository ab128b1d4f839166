package org.watchdogmenu.install;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.watchdogmenu.os.HostRoot;

/**
 * What a sudoers.d file of ours already grants, read back so a new grant adds to it instead of
 * replacing it, and which operators may check a target without a password.
 */
public final class SudoersGrants {
  private static final Pattern RULE =
      Pattern.compile("(%?[A-Za-z_][A-Za-z0-9_.-]*) ALL=\\(root\\) NOPASSWD: (\\S.*)");
  private static final String OURS = "watchdog-menu-";

  private SudoersGrants() {}

  /**
   * The commands the request's file grants its user now, in order; empty when there is no file.
   *
   * @throws InstallException when the file has lines watchdog-menu does not write
   */
  static List<List<String>> current(HostRoot root, SudoersRequest request) {
    Path file = root.resolve(request.path());
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    List<List<String>> commands = new ArrayList<>();
    int n = 0;
    for (String line : read(file)) {
      n++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Matcher m = RULE.matcher(line);
      if (!m.matches() || !m.group(1).equals(request.user())) {
        throw new InstallException(
            request.path()
                + ":"
                + n
                + ": a rule watchdog-menu does not write; merge by hand, or give another --name");
      }
      commands.add(argv(m.group(2)));
    }
    return commands;
  }

  /** The users whose watchdog-menu sudoers file lets them check this target, sorted. */
  public static List<String> usersFor(HostRoot root, String targetId) {
    Path dir = root.resolve(InstallPaths.SUDOERS_DIR);
    TreeSet<String> users = new TreeSet<>();
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, OURS + "*")) {
      for (Path f : files) {
        if (!Files.isRegularFile(f) || !Files.isReadable(f)) {
          continue;
        }
        for (String line : read(f)) {
          Matcher m = RULE.matcher(line);
          if (m.matches() && grantsCheck(argv(m.group(2)), targetId)) {
            users.add(m.group(1));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(users);
  }

  private static boolean grantsCheck(List<String> argv, String targetId) {
    int n = argv.size();
    return n >= 3 && argv.get(n - 2).equals("check") && argv.get(n - 1).equals(targetId);
  }

  /** A command in sudoers syntax back to its argv: {@code \,} {@code \:} {@code \=} unescaped. */
  static List<String> argv(String command) {
    List<String> out = new ArrayList<>();
    for (String word : command.trim().split(" +")) {
      out.add(word.replaceAll("\\\\([,:=\\\\])", "$1"));
    }
    return out;
  }

  private static List<String> read(Path file) {
    try {
      return List.of(Files.readString(file, StandardCharsets.UTF_8).split("\n"));
    } catch (IOException e) {
      throw new InstallException("cannot read " + file + ": " + e.getMessage());
    }
  }
}
