package org.watchdogmenu.os;

import java.io.IOException;

/**
 * A path that root refuses to read or write because another account could have planted or could
 * swap something on it (a link, a FIFO, a foreign-owned or group/world-writable folder or file).
 * Its message is one line in the tool's own words that names the path, the reason and what to do.
 */
public final class UnsafePathException extends IOException {
  private static final long serialVersionUID = 1L;

  public UnsafePathException(String message) {
    super(message);
  }
}
