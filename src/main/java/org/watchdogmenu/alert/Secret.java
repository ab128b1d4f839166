package org.watchdogmenu.alert;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.SafeRead;
import org.watchdogmenu.os.YamlFile;

/**
 * The credentials of an Alertmanager channel, turned into an {@code Authorization} header at each
 * send. A value comes from alerts.yaml itself (0600 then) or from a file of its own, which must be
 * root's, in a folder only root can change, and readable by nobody else ({@code chmod 600}); its
 * first line is the value. Nothing here ever shows a value.
 */
sealed interface Secret {
  /** The largest credentials file read. */
  int FILE_CAP = 4096;

  /** The {@code Authorization} header's value. */
  String header(HostRoot root) throws IOException;

  /** For channel lists, e.g. {@code bearer token from /etc/watchdog-menu/am.token}. */
  String describe();

  /** {@code Authorization: Bearer TOKEN}. */
  record Bearer(Source token) implements Secret {
    @Override
    public String header(HostRoot root) throws IOException {
      return "Bearer " + token.value(root);
    }

    @Override
    public String describe() {
      return "bearer token " + token.describe();
    }
  }

  /** {@code Authorization: Basic base64(USER:PASSWORD)}. */
  record Basic(String username, Source password) implements Secret {
    @Override
    public String header(HostRoot root) throws IOException {
      String pair = username + ":" + password.value(root);
      return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String describe() {
      return "basic auth " + username + " with password " + password.describe();
    }
  }

  /** Where a value is: written in alerts.yaml, or in a file of its own. */
  sealed interface Source {
    String value(HostRoot root) throws IOException;

    String describe();

    static Source inline(String value) {
      return new Inline(value);
    }

    static Source file(String path) {
      return new InFile(path);
    }
  }

  /** A value written in alerts.yaml. */
  record Inline(String value) implements Source {
    @Override
    public String value(HostRoot root) {
      return value;
    }

    @Override
    public String describe() {
      return AlertSecrets.MASK;
    }

    @Override
    public String toString() {
      return AlertSecrets.MASK;
    }
  }

  /** A value in a root-only file, read at each send so a changed token needs no reload. */
  record InFile(String path) implements Source {
    private static final Set<PosixFilePermission> OTHERS_READ =
        EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);

    @Override
    public String value(HostRoot root) throws IOException {
      Path file = root.resolve(path);
      byte[] bytes;
      try {
        bytes = SafeRead.owned(file, FILE_CAP, "credentials file");
      } catch (NoSuchFileException e) {
        throw new IOException(
            "credentials file "
                + path
                + " does not exist: write the secret on its first line, mode 0600 root");
      }
      if (Files.getPosixFilePermissions(file).stream().anyMatch(OTHERS_READ::contains)) {
        throw new IOException(
            "credentials file " + path + " is readable by group or others: run chmod 600 " + path);
      }
      String text = YamlFile.utf8(bytes).orElse("");
      String line = text.lines().findFirst().orElse("").strip();
      if (line.isEmpty()) {
        throw new IOException(
            "credentials file " + path + " is empty: put the secret on its first line");
      }
      return line;
    }

    @Override
    public String describe() {
      return "from " + path;
    }
  }

  /** Refuses a value that cannot go in a header; never repeats it. */
  static void checkValue(String key, String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException("'" + key + "' is empty: give its value");
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(
          "'" + key + "' holds a line break or a control character: give it on one line");
    }
  }

  /** Refuses a path that is not absolute. */
  static void checkPath(String key, String path) {
    if (!path.startsWith("/")
        || path.contains("\0")
        || ("/" + path + "/").contains("/../")
        || path.endsWith("/")) {
      throw new IllegalArgumentException(
          "'" + key + "' must be an absolute path, e.g. /etc/watchdog-menu/alertmanager.token");
    }
  }
}
