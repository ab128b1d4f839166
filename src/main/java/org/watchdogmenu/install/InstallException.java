package org.watchdogmenu.install;

/**
 * Why the installer refused or failed, as one line an operator can act on (what, where, why).
 * Nothing was written when it is thrown before {@link Applier#apply} changed a file.
 */
public final class InstallException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InstallException(String message) {
    super(message);
  }

  /** With the exception that caused it, so a caller can tell e.g. a permission problem. */
  public InstallException(String message, Throwable cause) {
    super(message, cause);
  }
}
