package org.watchdogmenu.probe;

/**
 * Names a setting of the probe that is running, the way the catalog names keys: {@code
 * probes[0].username}. A probe does not know where it stands in its target's list, so it writes
 * {@link #HERE} and {@link SafeProbe} puts in the place ({@code probes[0]}), or the probe's type
 * ({@code the socks5 probe's username}) when the place is not known.
 */
final class ProbeSetting {
  /** Stands for {@code probes[N]} in a probe's message until the place is known. */
  static final String HERE = "probes[?]";

  private ProbeSetting() {}

  /** {@code probes[?].username}, resolved by {@link #resolve}. */
  static String of(String field) {
    return HERE + "." + field;
  }

  /** Puts the probe's place (or, without one, its type) into a message. */
  static String resolve(String message, String type, int index) {
    if (message == null || !message.contains(HERE)) {
      return message;
    }
    return index >= 0
        ? message.replace(HERE, "probes[" + index + "]")
        : message.replace(HERE + ".", "the " + type + " probe's ");
  }
}
