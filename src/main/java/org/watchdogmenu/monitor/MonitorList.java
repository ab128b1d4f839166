package org.watchdogmenu.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.watchdogmenu.os.ConfigException;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.YamlFile;

/**
 * The targets the continuous monitor checks when none are named on its command line: {@code
 * /etc/watchdog-menu/monitor.yaml}, {@code targets: [web, api]}. {@code enable TARGET --monitor}
 * and {@code disable TARGET --monitor} change it through the installer.
 */
public record MonitorList(List<String> targets) {
  /** The file, under the host root. */
  public static final String FILE = "/etc/watchdog-menu/monitor.yaml";

  /** No targets. */
  public static final MonitorList EMPTY = new MonitorList(List.of());

  public MonitorList {
    targets = targets == null ? List.of() : List.copyOf(new TreeSet<>(targets));
  }

  /**
   * The list on this host; empty when the file is missing or blank. It decides what root checks and
   * restarts, so a file root cannot trust (not root's, writable by group or others, in a folder
   * another account can change, a link, a FIFO, over 1 MiB) is refused like a broken one.
   *
   * @throws ConfigException one line naming the file and line when it does not parse, or why it is
   *     refused
   */
  public static MonitorList read(HostRoot root) throws ConfigException {
    Optional<String> text = YamlFile.readText(root.resolve(FILE), "monitor list");
    return text.isEmpty() ? EMPTY : parse(text.get(), root.resolve(FILE).toString());
  }

  /**
   * A candidate text of the file, read with the same rules as {@link #read} but from memory.
   *
   * @throws ConfigException one line naming the file and line when it does not parse
   */
  public static MonitorList parse(String text) throws ConfigException {
    return parse(text, FILE);
  }

  private static MonitorList parse(String text, String name) throws ConfigException {
    Optional<MonitorList> plain = PlainList.read(text);
    return plain.isPresent()
        ? plain.get()
        : YamlFile.parse(text, name, MonitorList.class).orElse(EMPTY);
  }

  public boolean contains(String id) {
    return targets.contains(id);
  }

  /** This list with the target added. */
  public MonitorList with(String id) {
    List<String> more = new ArrayList<>(targets);
    more.add(id);
    return new MonitorList(more);
  }

  /** This list without the target. */
  public MonitorList without(String id) {
    List<String> fewer = new ArrayList<>(targets);
    fewer.remove(id);
    return new MonitorList(fewer);
  }

  /** The file's text, sorted, with the managed-by header and no timestamp. */
  public String render() {
    return "# Managed by watchdog-menu: the targets of the continuous monitor. Change it with\n"
        + "# 'watchdog-menu enable TARGET --monitor' or 'disable TARGET --monitor'.\n"
        + "targets: ["
        + String.join(", ", targets)
        + "]\n";
  }
}
