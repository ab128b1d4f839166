package org.watchdogmenu.catalog;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A site target file ready to be written: its new text, already read back by the catalog together
 * with the other files, and the command line that makes the same file. Made by {@link TargetFiles}.
 */
public final class TargetFile {
  private final String id;
  private final String verb;
  private final List<Setting> settings;
  private final String text;
  private final List<String> notes;

  TargetFile(String id, String verb, List<Setting> settings, String text, List<String> notes) {
    this.id = id;
    this.verb = verb;
    this.settings = List.copyOf(settings);
    this.text = text;
    this.notes = List.copyOf(notes);
  }

  public String id() {
    return id;
  }

  /** The host path, {@code /etc/watchdog-menu/targets/<id>.yaml}. */
  public String path() {
    return Catalog.siteFile(id);
  }

  /** The whole new content. */
  public String text() {
    return text;
  }

  /**
   * What the operator should know about the file, e.g. that a list was repeated whole or that
   * comments could not be kept.
   */
  public List<String> notes() {
    return notes;
  }

  /**
   * The arguments of the command that writes the same file, as typed in a shell: {@code target set
   * web policy.cooldown=60s}.
   */
  public String command() {
    return "target "
        + verb
        + " "
        + id
        + " "
        + settings.stream().map(Setting::word).collect(Collectors.joining(" "));
  }
}
