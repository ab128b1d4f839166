package org.watchdogmenu.install;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One file a plan writes.
 *
 * @param path the host path (resolved under the root when applied)
 * @param content the whole new content
 * @param mode octal, e.g. {@code 0644}
 * @param feature what it belongs to, e.g. {@code paqet-server/health}; disable removes by it
 * @param logs the log files the engine writes because of this file (for logrotate)
 * @param restore true when it puts back what was there before (not validated: it is not ours)
 */
public record FileWrite(
    String path,
    byte[] content,
    FileKind kind,
    String mode,
    String owner,
    String group,
    FeatureKey feature,
    List<String> logs,
    boolean restore) {

  public FileWrite {
    logs = logs == null ? List.of() : List.copyOf(logs);
  }

  static FileWrite of(
      String path, String text, FileKind kind, String mode, String owner, FeatureKey feature) {
    return new FileWrite(
        path,
        text.getBytes(StandardCharsets.UTF_8),
        kind,
        mode,
        owner,
        owner,
        feature,
        List.of(),
        false);
  }

  FileWrite withLogs(List<String> newLogs) {
    return new FileWrite(path, content, kind, mode, owner, group, feature, newLogs, restore);
  }

  /** The content as text. */
  public String text() {
    return new String(content, StandardCharsets.UTF_8);
  }
}
