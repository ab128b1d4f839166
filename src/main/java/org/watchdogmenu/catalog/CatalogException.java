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

  /**
   * The text on one line, with every control character written out ({@code \n}, {@code \r}, {@code
   * \t}, else {@code \x1b}): a file name or a value must never move the cursor or colour a
   * terminal.
   */
  private static String oneLine(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
            sb.append(String.format("\\x%02x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }
}
