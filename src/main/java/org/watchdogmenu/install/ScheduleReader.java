package org.watchdogmenu.install;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.os.HostRoot;

/**
 * Reads a target's cron file as it is now and describes its schedule in words. A line this tool did
 * not write is shown as {@code custom: EXPR}; a file with the managed-by header that differs from
 * what this tool would render for its schedule is marked {@code (edited by hand)}.
 */
public final class ScheduleReader {
  static final String HEADER = "# Managed by watchdog-menu";

  private final HostRoot root;
  private final CronRenderer renderer;

  public ScheduleReader(HostRoot root) {
    this.root = root;
    this.renderer = new CronRenderer(root);
  }

  public FeatureState read(Target target, Feature feature) {
    String hostPath = CronRenderer.path(target, feature);
    Path file = root.resolve(hostPath);
    if (!Files.isRegularFile(file)) {
      return new FeatureState(
          feature, hostPath, false, Optional.empty(), false, false, "Not configured");
    }
    String text;
    try {
      text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return new FeatureState(
          feature, hostPath, true, Optional.empty(), false, false, "unreadable: " + e.getMessage());
    }
    List<String> expressions = expressions(text);
    boolean managed = text.startsWith(HEADER);
    Optional<Schedule> schedule = Schedule.fromCron(expressions);
    boolean edited =
        managed
            && (schedule.isEmpty()
                || !renderer.render(target, feature, schedule.get()).text().equals(text));
    String words;
    if (managed && schedule.isPresent()) {
      words = schedule.get().words();
    } else if (expressions.isEmpty()) {
      words = "custom: no job line";
    } else {
      words = "custom: " + String.join("; ", expressions);
    }
    if (edited) {
      words += " (edited by hand)";
    }
    return new FeatureState(
        feature, hostPath, true, managed ? schedule : Optional.empty(), managed, edited, words);
  }

  /** The time part of every job line (five fields, or one {@code @keyword}). */
  private static List<String> expressions(String text) {
    List<String> found = new ArrayList<>();
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.matches("[A-Za-z_][A-Za-z0-9_]*\\s*=.*")) {
        continue;
      }
      String[] f = line.split("\\s+");
      int n = f[0].startsWith("@") ? 1 : Math.min(5, f.length);
      found.add(String.join(" ", Arrays.asList(f).subList(0, n)));
    }
    return found;
  }
}
