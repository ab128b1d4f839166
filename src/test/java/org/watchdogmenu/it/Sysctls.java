package org.watchdogmenu.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;

/**
 * Kernel settings for one test, put back as they were when closed. The attacks run with the link
 * and FIFO protections of the kernel both off and on: the tool must be safe on its own, not only
 * because the kernel happens to protect /var/tmp. A test is skipped (with the reason) when the
 * setting cannot be written here (a container without the right).
 */
final class Sysctls implements AutoCloseable {
  static final String SYMLINKS = "fs.protected_symlinks";
  static final String REGULAR = "fs.protected_regular";
  static final String FIFOS = "fs.protected_fifos";
  static final String HARDLINKS = "fs.protected_hardlinks";

  /** Settings not yet put back; a JVM that ends early restores them in a shutdown hook. */
  private static final Set<Sysctls> OPEN = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN.forEach(Sysctls::close)));
  }

  private final Map<String, String> previous = new LinkedHashMap<>();

  private Sysctls() {
    OPEN.add(this);
  }

  /** protected_symlinks, protected_regular and protected_fifos all at {@code level} (0 or 1). */
  static Sysctls protections(int level) {
    String v = String.valueOf(level);
    return set(Map.of(SYMLINKS, v, REGULAR, v, FIFOS, v));
  }

  static Sysctls set(Map<String, String> values) {
    Sysctls s = new Sysctls();
    for (Map.Entry<String, String> e : values.entrySet()) {
      s.write(e.getKey(), e.getValue());
    }
    return s;
  }

  private static Path file(String key) {
    return Path.of("/proc/sys/" + key.replace('.', '/'));
  }

  private void write(String key, String value) {
    Path p = file(key);
    String old;
    try {
      old = Files.readString(p).strip();
    } catch (IOException e) {
      close();
      Assumptions.abort("cannot read " + key + " here: " + e);
      return;
    }
    try {
      Files.writeString(p, value + "\n");
      previous.putIfAbsent(key, old);
      String now = Files.readString(p).strip();
      if (!now.equals(value)) {
        close();
        Assumptions.abort(key + " stays " + now + " here when set to " + value);
      }
    } catch (IOException e) {
      close();
      Assumptions.abort("cannot set " + key + "=" + value + " here (sysctl not writable): " + e);
    }
  }

  /** Describes the current values, for test names and messages. */
  static String describe() {
    StringBuilder sb = new StringBuilder();
    for (String key : List.of(SYMLINKS, REGULAR, FIFOS, HARDLINKS)) {
      try {
        sb.append(key).append('=').append(Files.readString(file(key)).strip()).append(' ');
      } catch (IOException e) {
        sb.append(key).append("=? ");
      }
    }
    return sb.toString().strip();
  }

  @Override
  public synchronized void close() {
    OPEN.remove(this);
    List<String> keys = new ArrayList<>(previous.keySet());
    for (int i = keys.size() - 1; i >= 0; i--) {
      String key = keys.get(i);
      try {
        Files.writeString(file(key), previous.get(key) + "\n");
      } catch (IOException e) {
        System.err.println("could not restore " + key + "=" + previous.get(key) + ": " + e);
      }
    }
    previous.clear();
  }
}
