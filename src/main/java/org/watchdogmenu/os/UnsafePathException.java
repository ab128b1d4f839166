package org.watchdogmenu.os;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A path that root refuses to read or write because another account could have planted or could
 * swap something on it (a link, a FIFO, a foreign-owned or group/world-writable folder or file).
 * Its message is one line in the tool's own words that names the path, the reason and what to do.
 */
public class UnsafePathException extends IOException {
  private static final long serialVersionUID = 1L;

  public UnsafePathException(String message) {
    super(message);
  }

  /**
   * The file at the path changed between its check and its open (a rotation's rename, or a swap):
   * nothing was read. A reader that follows a file may look again; a one-off read refuses.
   */
  public static final class Replaced extends UnsafePathException {
    private static final long serialVersionUID = 1L;

    public Replaced(Path file) {
      super("refusing " + file + ": it was replaced while being opened");
    }
  }
}
