package org.watchdogmenu.apply;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.watchdogmenu.os.AtomicFile;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.SafeRead;

/**
 * What the last apply asked for, item by item ({@code schedule paqet-client health}): an item an
 * apply file no longer asks for is removed only when it is here, so what the menu or another
 * command set up is never taken away by a file that did not list it. Kept in {@value #PATH}, 0600
 * root, rewritten only when it changes.
 */
record Owned(Set<Item> items) {
  static final String PATH = "/var/lib/watchdog-menu/apply/owned";
  private static final String HEADER =
      "# watchdog-menu apply: what the last applied file asked for; an item a later file no longer"
          + " lists is removed\n";

  /** The kinds of item, as the record writes them. */
  enum Kind {
    TARGET("target"),
    SCHEDULE("schedule"),
    MONITOR("monitor"),
    CHANNEL("channel"),
    SUDOERS("sudoers"),
    LINGER("linger"),
    RESTART_POLICY("restart-policy"),
    USER_SERVICE("user-service"),
    MONITOR_SERVICE("monitor-service"),
    PM2_HOUSEKEEPING("pm2-housekeeping");

    final String word;

    Kind(String word) {
      this.word = word;
    }
  }

  /** One item: its kind and its words, e.g. {@code SCHEDULE [paqet-client, health]}. */
  record Item(Kind kind, List<String> words) {
    Item {
      words = List.copyOf(words);
    }

    static Item of(Kind kind, String... words) {
      return new Item(kind, List.of(words));
    }

    String line() {
      return words.isEmpty() ? kind.word : kind.word + " " + String.join(" ", words);
    }
  }

  Owned {
    items = Set.copyOf(new LinkedHashSet<>(items));
  }

  static final Owned NONE = new Owned(Set.of());

  /** The record under root; none when there is no file. Lines it does not know are skipped. */
  static Owned read(HostRoot root) {
    Path file = root.resolve(PATH);
    String text;
    try {
      text =
          new String(
              SafeRead.owned(file, SafeRead.CONFIG_CAP, "apply record"), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return NONE;
    } catch (IOException e) {
      throw new ApplyFileException(e.getMessage());
    }
    Set<Item> items = new LinkedHashSet<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] w = line.strip().split(" +");
      for (Kind k : Kind.values()) {
        if (k.word.equals(w[0])) {
          items.add(new Item(k, List.of(w).subList(1, w.length)));
        }
      }
    }
    return new Owned(items);
  }

  /** The items of one kind. */
  List<Item> of(Kind kind) {
    return items.stream().filter(i -> i.kind() == kind).toList();
  }

  boolean has(Item item) {
    return items.contains(item);
  }

  /** The record's text: sorted, so the same items always make the same file. */
  String text() {
    List<String> lines = new ArrayList<>(items.stream().map(Item::line).sorted().toList());
    return HEADER + String.join("\n", lines) + (lines.isEmpty() ? "" : "\n");
  }

  /** Writes the record under root when its text differs from the file's. */
  void save(HostRoot root) throws IOException {
    Path file = root.resolve(PATH);
    if (Files.isRegularFile(file)
        && Files.readString(file, StandardCharsets.UTF_8).equals(text())) {
      return;
    }
    Files.createDirectories(file.getParent().getParent());
    if (!Files.isDirectory(file.getParent())) {
      Files.createDirectory(
          file.getParent(),
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    AtomicFile.write(file, text(), PosixFilePermissions.fromString("rw-------"));
  }
}
