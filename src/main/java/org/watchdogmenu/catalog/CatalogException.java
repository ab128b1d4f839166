package org.watchdogmenu.catalog;

/**
 * A problem with a menu or target file, or an unknown target, as one line for the operator: the
 * file and line, the key, and what to do.
 */
public final class CatalogException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CatalogException(String message) {
    super(message.replace("\r", "\\r").replace("\n", "\\n"));
  }

  static CatalogException at(Location where, String message) {
    return new CatalogException(where + ": " + message);
  }
}
