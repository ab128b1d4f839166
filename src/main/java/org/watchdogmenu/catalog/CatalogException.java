package org.watchdogmenu.catalog;

/**
 * A problem with a menu or target file, or an unknown target, as one line for the operator: the
 * file and line, the key, and what to do.
 */
public final class CatalogException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String reason;

  public CatalogException(String message) {
    this(message, message);
  }

  private CatalogException(String message, String reason) {
    super(oneLine(message));
    this.reason = oneLine(reason);
  }

  static CatalogException at(Location where, String message) {
    return new CatalogException(where + ": " + message, message);
  }

  /** The message without the file and line, e.g. {@code 'policy.retries' must be at least 1}. */
  public String reason() {
    return reason;
  }

  private static String oneLine(String text) {
    return text.replace("\r", "\\r").replace("\n", "\\n");
  }
}
