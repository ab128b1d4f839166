package org.watchdogmenu.cli;

import java.nio.file.AccessDeniedException;
import java.util.Optional;

/**
 * A file the run was not allowed to write or read, as one line instead of an exception's text. Most
 * commands change files only root may change: a run as another user is told to use sudo.
 */
final class Denied {
  private Denied() {}

  /**
   * The line for an error caused by a permission problem, or empty for any other error.
   *
   * @param user who runs the command ({@code user.name})
   */
  static Optional<String> line(Throwable error, String user) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof AccessDeniedException denied) {
        String file = denied.getFile() == null ? "" : denied.getFile();
        if ("root".equals(user)) {
          return Optional.of("permission denied: " + file);
        }
        return Optional.of(
            "permission denied: run with sudo" + (file.isEmpty() ? "" : " (" + file + ")"));
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return Optional.empty();
  }

  static String user() {
    return System.getProperty("user.name", "");
  }
}
